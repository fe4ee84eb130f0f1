import Foundation

/// A browser's session: anonymous (only a CSRF token for the sign-in form) or signed in as one account.
public struct Session: Sendable, Hashable {
  /// The signed-in account; nil before sign-in.
  public var reviewer: String?
  /// `reviewer` or `adjudicator`.
  public var role: String?
  /// The token every form of this session carries.
  public var csrf: String
  public var expires: Date

  public var isAdjudicator: Bool { role == "adjudicator" }
}

/// Sessions in memory, keyed by a random 32-byte token (the `sift_session` cookie). They end on sign-out, after
/// `lifetime` without use, or when the server stops.
public actor SessionStore {
  private var sessions: [String: Session] = [:]
  /// How long a signed-in session lives after its last request.
  public let lifetime: TimeInterval
  /// How long an anonymous (sign-in form) session lives.
  public let anonymousLifetime: TimeInterval
  /// At most this many anonymous sessions are kept; the oldest go first.
  public let anonymousLimit: Int

  public init(lifetime: TimeInterval = 8 * 3600, anonymousLifetime: TimeInterval = 1800, anonymousLimit: Int = 10_000) {
    self.lifetime = lifetime
    self.anonymousLifetime = anonymousLifetime
    self.anonymousLimit = anonymousLimit
  }

  /// The live session for `token`, its expiry extended; nil when unknown or expired (and then removed).
  public func session(_ token: String?, now: Date = Date()) -> Session? {
    guard let token, var session = sessions[token] else { return nil }
    guard session.expires > now else {
      sessions[token] = nil
      return nil
    }
    session.expires = now.addingTimeInterval(session.reviewer == nil ? anonymousLifetime : lifetime)
    sessions[token] = session
    return session
  }

  /// A new anonymous session for the sign-in form; returns its token and session.
  public func startAnonymous(now: Date = Date()) -> (token: String, session: Session) {
    purge(now: now)
    let anonymous = sessions.filter { $0.value.reviewer == nil }
    if anonymous.count >= anonymousLimit {
      for (token, _) in anonymous.sorted(by: { $0.value.expires < $1.value.expires }).prefix(
        anonymous.count - anonymousLimit + 1)
      {
        sessions[token] = nil
      }
    }
    let session = Session(
      reviewer: nil, role: nil, csrf: SecureToken.make(), expires: now.addingTimeInterval(anonymousLifetime))
    let token = SecureToken.make()
    sessions[token] = session
    return (token, session)
  }

  /// Signs `reviewer` in under a NEW token (the anonymous one, if any, is dropped so a planted cookie is useless).
  public func signIn(reviewer: String, role: String, replacing old: String?, now: Date = Date()) -> String {
    if let old { sessions[old] = nil }
    let token = SecureToken.make()
    sessions[token] = Session(
      reviewer: reviewer, role: role, csrf: SecureToken.make(), expires: now.addingTimeInterval(lifetime))
    return token
  }

  /// Ends the session.
  public func end(_ token: String?) {
    if let token { sessions[token] = nil }
  }

  /// Number of live sessions (for tests and the log).
  public var count: Int { sessions.count }

  private func purge(now: Date) {
    for (token, session) in sessions where session.expires <= now { sessions[token] = nil }
  }
}
