import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SiftCore
import SiftKit
import SiftServer
import SiftTeamStore
import TestSupport
import Testing

/// Which store a case runs on.
enum StoreKind: String, CustomStringConvertible, Sendable {
  case sqlite, postgres
  var description: String { rawValue }

  static let postgresURL = ProcessInfo.processInfo.environment["SIFT_TEST_POSTGRES_URL"].flatMap {
    $0.isEmpty ? nil : $0
  }
  static let inCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

  /// SQLite always; PostgreSQL when `SIFT_TEST_POSTGRES_URL` is set, and also in CI (where a missing URL fails).
  static let all: [StoreKind] = postgresURL != nil || inCI ? [.sqlite, .postgres] : [.sqlite]
}

/// A temporary project with four records (one with a hostile title), three accounts and a store of `kind`.
struct ServerFixture {
  let root: URL
  let review: ReviewProtocol
  let store: any TeamStore
  /// The PostgreSQL database made for this fixture, dropped by ``close()``.
  let database: String?

  static let password = "correct horse battery"
  static let hostileTitle = "<script>alert(1)</script> & \"x\""

  static let protocolText = """
    title: "Server test review"
    reviewers: [CML, LJ]
    databases:
      - name: Scopus
    criteria:
      - {id: I1, label: Therapy study, text: Studies a psychological therapy.}
      - {id: E1, label: Not therapy, text: Not about therapy.}
      - {id: E2, label: Not original research, text: Reviews and editorials.}
    stages: [title, abstract, full-text]
    """

  static func ris(_ title: String, _ id: String, abstract: String = "About the alliance.") -> String {
    [
      "TY  - JOUR", "TI  - \(title)", "AU  - Smith, J.", "PY  - 2015", "JO  - Journal of Tests", "LA  - English",
      "ID  - \(id)", "AB  - \(abstract)", "ER  - ",
    ].joined(separator: "\n") + "\n"
  }

  static func make(_ kind: StoreKind) async throws -> ServerFixture {
    let root = try Fixtures.temporaryDirectory("sift-server")
    try Data(protocolText.utf8).write(to: root.appendingPathComponent("protocol.yaml"))
    _ = try Project.create(at: root.path)
    let project = try Project(root: root.path)
    let file = root.appendingPathComponent("scopus.ris")
    let text =
      ris("Therapeutic alliance online", "S1") + ris("Alliance in email counselling", "S2")
      + ris(hostileTitle, "S3", abstract: "<img src=x onerror=alert(2)>") + ris("Chat therapy", "S4")
    try Data(text.utf8).write(to: file)
    _ = try ProjectImport.run(
      project: project, paths: [file.path], source: ImportSource(name: "Scopus", column: .databases))
    let store: any TeamStore
    var database: String?
    switch kind {
    case .sqlite:
      store = try await TeamStores.open(store: nil, projectPath: root.path)
    case .postgres:
      let base = try #require(
        StoreKind.postgresURL, "SIFT_TEST_POSTGRES_URL is not set (CI is set, so this fails instead of skipping)")
      // A database of its own, filled from the project's SQLite file by `store copy`.
      let name = "sift_server_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
      let url = try await PostgresTeamStore.createDatabase(String(name), url: base)
      database = String(name)
      store = try await TeamStores.open(store: url, projectPath: root.path)
      let sqlite = try await TeamStores.open(store: nil, projectPath: root.path)
      _ = try await StoreCopy.run(from: sqlite, to: store)
      try await sqlite.close()
    }
    try await store.migrate()
    for (name, role) in [("CML", "reviewer"), ("LJ", "reviewer"), ("ADJ", "adjudicator")] {
      try await ServerSetup.addReviewer(
        name: name, role: role, password: password, store: store, hasher: .testing)
    }
    return ServerFixture(root: root, review: project.review, store: store, database: database)
  }

  /// Closes the store and removes the project folder and the PostgreSQL database.
  func close() async {
    try? await store.close()
    if let database, let base = StoreKind.postgresURL {
      try? await PostgresTeamStore.dropDatabase(database, url: base)
    }
    try? FileManager.default.removeItem(at: root)
  }

  /// Runs `body` on a new fixture of `kind`, cleaning up afterwards even when it throws.
  static func with(_ kind: StoreKind, _ body: (ServerFixture) async throws -> Void) async throws {
    let fixture = try await make(kind)
    do {
      try await body(fixture)
    } catch {
      await fixture.close()
      throw error
    }
    await fixture.close()
  }

  func app() -> some ApplicationProtocol {
    buildApplication(store: store, review: review, options: ServerOptions(port: 0, hasher: .testing))
  }
}

/// A signed-in (or not) browser: the session cookie and the page's CSRF token.
struct Browser: Sendable {
  var cookie: String?
  var csrf: String?

  /// GET /login, then POST the form; returns the signed-in browser. Fails the test when sign-in fails.
  static func signIn(
    _ client: some TestClientProtocol, name: String, password: String = ServerFixture.password
  ) async throws -> Browser {
    let form = try await client.execute(uri: "/login", method: .get)
    let anonymous = try #require(Web.sessionCookie(form))
    let csrf = try #require(Web.hidden("csrf", in: String(buffer: form.body)))
    let response = try await client.execute(
      uri: "/login", method: .post, headers: Web.formHeaders(cookie: anonymous),
      body: Web.form([("name", name), ("password", password), ("csrf", csrf)]))
    #expect(response.status == .seeOther, "sign-in of \(name): \(response.status)")
    let cookie = try #require(Web.sessionCookie(response))
    #expect(cookie != anonymous, "a new session token after sign-in")
    let home = try await client.execute(uri: "/", method: .get, headers: Web.headers(cookie: cookie))
    #expect(home.status == .ok)
    return Browser(cookie: cookie, csrf: Web.hidden("csrf", in: String(buffer: home.body)))
  }

  func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
    try await client.execute(uri: uri, method: .get, headers: Web.headers(cookie: cookie))
  }

  /// POSTs `fields` plus this browser's CSRF token (unless `csrf` overrides it; nil leaves it out).
  func post(
    _ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: String?? = .none
  ) async throws -> TestResponse {
    var all = fields
    let token: String? =
      switch csrf {
      case .none: self.csrf
      case .some(let given): given
      }
    if let token { all.append(("csrf", token)) }
    return try await client.execute(
      uri: uri, method: .post, headers: Web.formHeaders(cookie: cookie), body: Web.form(all))
  }
}

/// Small helpers to read pages and build requests.
enum Web {
  static func headers(cookie: String?) -> HTTPFields {
    var fields = HTTPFields()
    if let cookie { fields[.cookie] = cookie }
    return fields
  }

  static func formHeaders(cookie: String?) -> HTTPFields {
    var fields = headers(cookie: cookie)
    fields[.contentType] = "application/x-www-form-urlencoded"
    return fields
  }

  static func form(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text: String = fields.map { name, value -> String in
      let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
      return "\(name)=\(encoded)"
    }.joined(separator: "&")
    return ByteBuffer(string: text)
  }

  /// `sift_session=TOKEN` from a response's Set-Cookie.
  static func sessionCookie(_ response: TestResponse) -> String? {
    guard let header = response.headers[.setCookie], header.hasPrefix("sift_session=") else { return nil }
    return header.split(separator: ";").first.map(String.init)
  }

  /// The value of `<input type="hidden" name="NAME" value="…">`.
  static func hidden(_ name: String, in html: String) -> String? {
    let marker = "<input type=\"hidden\" name=\"\(name)\" value=\""
    guard let start = html.range(of: marker) else { return nil }
    let rest = html[start.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<end])
  }
}
