import SiftCore

/// The version printed by `sift --version`.
public enum SiftVersion {
  public static let current = "0.1.0"
}
