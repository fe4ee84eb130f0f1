import SiftCore

/// The severity of an extraction issue (SiftCore's diagnostic severity).
public typealias SiftCoreSeverity = Diagnostic.Severity
