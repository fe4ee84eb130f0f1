import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SiftServer
import Testing

/// Every route through the router, on each store (see ``StoreKind/all``).
@Suite struct RouteTests {
  static let getRoutes = [
    "/", "/prisma.svg", "/decisions.csv", "/screen/title", "/screen/abstract", "/screen/full-text",
    "/conflicts/title",
  ]
  static let postRoutes = ["/logout", "/screen/title/decide", "/conflicts/title/resolve"]

  /// Shows as skipped, with the reason, when the PostgreSQL cases are left out.
  @Test(
    .disabled(
      if: !StoreKind.all.contains(.postgres),
      "SIFT_TEST_POSTGRES_URL is unset: the PostgreSQL cases of the server tests are skipped (start one with Tests/Scripts/postgres.sh start and export its URL; with CI set they fail instead)"
    ))
  func postgresCasesRun() {
    #expect(StoreKind.postgresURL != nil || StoreKind.inCI)
  }

  @Test(arguments: StoreKind.all)
  func everyRouteRequiresSignIn(kind: StoreKind) async throws {
    try await ServerFixture.with(kind) { fixture in
      try await fixture.app().test(.router) { client in
        for cookie in [nil, "sift_session=" + String(repeating: "0", count: 64)] {
          for uri in Self.getRoutes {
            let response = try await client.execute(uri: uri, method: .get, headers: Web.headers(cookie: cookie))
            #expect(response.status == .seeOther, "GET \(uri)")
            #expect(response.headers[.location] == "/login", "GET \(uri)")
          }
          for uri in Self.postRoutes {
            let response = try await client.execute(
              uri: uri, method: .post, headers: Web.formHeaders(cookie: cookie),
              body: Web.form([("record", "R000001"), ("verdict", "include")]))
            #expect(response.status == .unauthorized, "POST \(uri)")
          }
        }
        // The sign-in form's anonymous session does not count as signed in.
        let form = try await client.execute(uri: "/login", method: .get)
        #expect(form.status == .ok)
        let anonymous = Web.sessionCookie(form)
        let page = try await client.execute(uri: "/screen/title", method: .get, headers: Web.headers(cookie: anonymous))
        #expect(page.status == .seeOther)
      }
      #expect(try await fixture.store.projectRows().decisions.isEmpty)
    }
  }

  @Test(arguments: StoreKind.all)
  func wrongPasswordAndUnknownNameAreRefused(kind: StoreKind) async throws {
    try await ServerFixture.with(kind) { fixture in
      try await fixture.app().test(.router) { client in
        for (name, password) in [("CML", "wrong password"), ("NOBODY", ServerFixture.password), ("CML", "")] {
          let form = try await client.execute(uri: "/login", method: .get)
          let cookie = try #require(Web.sessionCookie(form))
          let csrf = try #require(Web.hidden("csrf", in: String(buffer: form.body)))
          let response = try await client.execute(
            uri: "/login", method: .post, headers: Web.formHeaders(cookie: cookie),
            body: Web.form([("name", name), ("password", password), ("csrf", csrf)]))
          #expect(response.status == .unauthorized, "\(name)")
          #expect(String(buffer: response.body).contains("Wrong name or password."))
          #expect(Web.sessionCookie(response) == nil)
          let home = try await client.execute(uri: "/", method: .get, headers: Web.headers(cookie: cookie))
          #expect(home.status == .seeOther)
        }
        _ = try await Browser.signIn(client, name: "CML")
      }
    }
  }

  @Test func repeatedFailedSignInsAreThrottledPerName() async throws {
    try await ServerFixture.with(.sqlite) { fixture in
      let app = buildApplication(
        store: fixture.store, review: fixture.review,
        options: ServerOptions(port: 0, hasher: .testing, signInAttempts: 3))
      try await app.test(.router) { client in
        var statuses: [HTTPResponse.Status] = []
        for password in ["bad 1", "bad 2", "bad 3", ServerFixture.password] {
          let form = try await client.execute(uri: "/login", method: .get)
          let cookie = try #require(Web.sessionCookie(form))
          let csrf = try #require(Web.hidden("csrf", in: String(buffer: form.body)))
          let response = try await client.execute(
            uri: "/login", method: .post, headers: Web.formHeaders(cookie: cookie),
            body: Web.form([("name", "CML"), ("password", password), ("csrf", csrf)]))
          statuses.append(response.status)
        }
        // Even the right password is refused once the name is locked; other names are not affected.
        #expect(statuses == [.unauthorized, .unauthorized, .unauthorized, .tooManyRequests])
        _ = try await Browser.signIn(client, name: "LJ")
      }
    }
  }

  @Test(arguments: StoreKind.all)
  func postsWithoutTheRightCSRFTokenAreForbidden(kind: StoreKind) async throws {
    try await ServerFixture.with(kind) { fixture in
      try await fixture.app().test(.router) { client in
        let cml = try await Browser.signIn(client, name: "CML")
        let adj = try await Browser.signIn(client, name: "ADJ")
        let decision = [("record", "R000001"), ("verdict", "include")]
        for token: String? in [nil, "", String(repeating: "a", count: 64), adj.csrf] {
          let response = try await cml.post(client, "/screen/title/decide", decision, csrf: .some(token))
          #expect(response.status == .forbidden, "csrf \(token ?? "missing")")
          let resolve = try await adj.post(
            client, "/conflicts/title/resolve", decision + [("note", "why")],
            csrf: .some(token == adj.csrf ? cml.csrf : token))
          #expect(resolve.status == .forbidden)
          let logout = try await cml.post(client, "/logout", [], csrf: .some(token))
          #expect(logout.status == .forbidden)
        }
        // The sign-in form checks its own token too.
        let form = try await client.execute(uri: "/login", method: .get)
        let cookie = try #require(Web.sessionCookie(form))
        let login = try await client.execute(
          uri: "/login", method: .post, headers: Web.formHeaders(cookie: cookie),
          body: Web.form([("name", "CML"), ("password", ServerFixture.password)]))
        #expect(login.status == .forbidden)
        // Still signed in, nothing recorded.
        #expect(try await cml.get(client, "/").status == .ok)
      }
      let rows = try await fixture.store.projectRows()
      #expect(rows.decisions.isEmpty && rows.resolutions.isEmpty)
    }
  }

  @Test(arguments: StoreKind.all)
  func theOtherReviewersDecisionIsInvisibleOnTheQueue(kind: StoreKind) async throws {
    try await ServerFixture.with(kind) { fixture in
      try await fixture.app().test(.router) { client in
        let cml = try await Browser.signIn(client, name: "CML")
        let lj = try await Browser.signIn(client, name: "LJ")
        let first = try await cml.get(client, "/screen/title")
        #expect(Web.hidden("record", in: String(buffer: first.body)) == "R000001")
        let decided = try await cml.post(
          client, "/screen/title/decide",
          [("record", "R000001"), ("verdict", "exclude"), ("criteria", "E2"), ("note", "CML-SECRET-NOTE")])
        #expect(decided.status == .seeOther)
        #expect(decided.headers[.location] == "/screen/title")
        let page = String(buffer: try await lj.get(client, "/screen/title").body)
        #expect(Web.hidden("record", in: page) == "R000001")
        #expect(!page.contains("CML-SECRET-NOTE"))
        #expect(!page.contains("CML"))
        #expect(!page.contains(" checked>") && !page.contains(" checked "), "no verdict or reason pre-selected")
        // LJ's CSV holds nothing of CML's until LJ decided.
        let csv = String(buffer: try await lj.get(client, "/decisions.csv").body)
        #expect(!csv.contains("CML"))
        _ = try await lj.post(client, "/screen/title/decide", [("record", "R000001"), ("verdict", "include")])
        let next = String(buffer: try await lj.get(client, "/screen/title").body)
        #expect(Web.hidden("record", in: next) == "R000002")
        #expect(!next.contains("CML-SECRET-NOTE"))
        let after = String(buffer: try await lj.get(client, "/decisions.csv").body)
        #expect(after.contains("R000001,title,CML,exclude,E2,CML-SECRET-NOTE"))
      }
    }
  }

  @Test(arguments: StoreKind.all)
  func aReviewerRecordsOnlyAsTheSignedInAccount(kind: StoreKind) async throws {
    try await ServerFixture.with(kind) { fixture in
      try await fixture.app().test(.router) { client in
        let cml = try await Browser.signIn(client, name: "CML")
        let response = try await cml.post(
          client, "/screen/title/decide",
          [("record", "R000001"), ("verdict", "include"), ("reviewer", "LJ"), ("by", "LJ")])
        #expect(response.status == .seeOther)
        // The adjudicator has no queue (not a protocol reviewer), so cannot decide either.
        let adj = try await Browser.signIn(client, name: "ADJ")
        #expect(try await adj.get(client, "/screen/title").status == .forbidden)
        let refused = try await adj.post(
          client, "/screen/title/decide", [("record", "R000002"), ("verdict", "include")])
        #expect(refused.status == .forbidden)
      }
      let decisions = try await fixture.store.projectRows().decisions
      #expect(decisions.map(\.reviewer) == ["CML"])
      #expect(decisions.map(\.recordId) == ["R000001"])
    }
  }

  @Test(arguments: StoreKind.all)
  func onlyTheAdjudicatorReachesConflictsAndResolutionsRecordWhoAndWhy(kind: StoreKind) async throws {
    try await ServerFixture.with(kind) { fixture in
      try await fixture.app().test(.router) { client in
        let cml = try await Browser.signIn(client, name: "CML")
        let lj = try await Browser.signIn(client, name: "LJ")
        let adj = try await Browser.signIn(client, name: "ADJ")
        _ = try await cml.post(
          client, "/screen/title/decide", [("record", "R000001"), ("verdict", "include"), ("note", "looks right")])
        _ = try await lj.post(
          client, "/screen/title/decide",
          [("record", "R000001"), ("verdict", "exclude"), ("criteria", "E1"), ("note", "no therapy")])
        for reviewer in [cml, lj] {
          #expect(try await reviewer.get(client, "/conflicts/title").status == .forbidden)
          let post = try await reviewer.post(
            client, "/conflicts/title/resolve", [("record", "R000001"), ("verdict", "include"), ("note", "mine")])
          #expect(post.status == .forbidden)
        }
        let page = try await adj.get(client, "/conflicts/title")
        #expect(page.status == .ok)
        let html = String(buffer: page.body)
        #expect(Web.hidden("record", in: html) == "R000001")
        #expect(html.contains("<td>CML</td><td>include</td>") && html.contains("<td>LJ</td><td>exclude</td>"))
        #expect(html.contains("no therapy") && html.contains("looks right"))
        let noWhy = try await adj.post(
          client, "/conflicts/title/resolve", [("record", "R000001"), ("verdict", "include")])
        #expect(noWhy.status == .unprocessableContent)
        let resolved = try await adj.post(
          client, "/conflicts/title/resolve",
          [("record", "R000001"), ("verdict", "include"), ("note", "therapy in the methods"), ("by", "CML")])
        #expect(resolved.status == .seeOther)
        #expect(resolved.headers[.location] == "/conflicts/title")
      }
      let resolutions = try await fixture.store.projectRows().resolutions
      #expect(resolutions.count == 1)
      let resolution = try #require(resolutions.first)
      #expect(resolution.resolvedBy == "ADJ")
      #expect(resolution.note == "therapy in the methods")
      #expect(resolution.verdict == "include")
    }
  }

  @Test(arguments: StoreKind.all)
  func hostileRecordTextIsRenderedInert(kind: StoreKind) async throws {
    try await ServerFixture.with(kind) { fixture in
      try await fixture.app().test(.router) { client in
        let cml = try await Browser.signIn(client, name: "CML")
        let lj = try await Browser.signIn(client, name: "LJ")
        let adj = try await Browser.signIn(client, name: "ADJ")
        for id in ["R000001", "R000002"] {
          for reviewer in [cml, lj] {
            _ = try await reviewer.post(client, "/screen/title/decide", [("record", id), ("verdict", "include")])
          }
        }
        let title = String(buffer: try await cml.get(client, "/screen/title").body)
        #expect(Web.hidden("record", in: title) == "R000003")
        #expect(title.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        #expect(!title.contains("<script>alert(1)"))
        #expect(!title.contains("\"x\""))
        for reviewer in [cml, lj] {
          _ = try await reviewer.post(client, "/screen/title/decide", [("record", "R000003"), ("verdict", "include")])
        }
        for id in ["R000001", "R000002"] {
          _ = try await cml.post(client, "/screen/abstract/decide", [("record", id), ("verdict", "include")])
        }
        let abstract = String(buffer: try await cml.get(client, "/screen/abstract").body)
        #expect(Web.hidden("record", in: abstract) == "R000003")
        #expect(abstract.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        #expect(abstract.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!abstract.contains("<script>alert(1)") && !abstract.contains("<img src=x"))
        // In the conflicts page as well, with a hostile note.
        _ = try await cml.post(
          client, "/screen/abstract/decide", [("record", "R000003"), ("verdict", "include"), ("note", "</td><b>n</b>")])
        _ = try await lj.post(
          client, "/screen/abstract/decide", [("record", "R000003"), ("verdict", "exclude"), ("criteria", "E1")])
        let conflicts = String(buffer: try await adj.get(client, "/conflicts/abstract").body)
        #expect(Web.hidden("record", in: conflicts) == "R000003")
        #expect(conflicts.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        #expect(conflicts.contains("&lt;/td&gt;&lt;b&gt;n&lt;/b&gt;"))
        #expect(!conflicts.contains("<script>alert(1)") && !conflicts.contains("<b>n</b>"))
        // Every page carries a CSP that forbids any other script.
        let response = try await cml.get(client, "/screen/title")
        #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'sha256-") == true)
      }
    }
  }

  @Test(arguments: StoreKind.all)
  func theQueueResumesWhereTheReviewerStopped(kind: StoreKind) async throws {
    try await ServerFixture.with(kind) { fixture in
      let app = fixture.app()
      try await app.test(.router) { client in
        let cml = try await Browser.signIn(client, name: "CML")
        let start = String(buffer: try await cml.get(client, "/screen/title").body)
        #expect(start.contains("0 of 4 decided"))
        _ = try await cml.post(client, "/screen/title/decide", [("record", "R000001"), ("verdict", "include")])
        _ = try await cml.post(
          client, "/screen/title/decide", [("record", "R000002"), ("verdict", "exclude"), ("criteria", "E1")])
        let page = String(buffer: try await cml.get(client, "/screen/title").body)
        #expect(Web.hidden("record", in: page) == "R000003")
        #expect(page.contains("2 of 4 decided"))
        // The Content-Security-Policy blocks inline style attributes, so pages must not rely on any.
        #expect(!page.contains(" style="))
        // Signing out and in again resumes at the same record.
        let out = try await cml.post(client, "/logout", [])
        #expect(out.status == .seeOther && out.headers[.location] == "/login")
        #expect(try await cml.get(client, "/").status == .seeOther)
        let again = try await Browser.signIn(client, name: "CML")
        #expect(
          Web.hidden("record", in: String(buffer: try await again.get(client, "/screen/title").body)) == "R000003")
      }
    }
  }

  @Test(arguments: StoreKind.all)
  func decisionsCSVIsFormulaGuardedAndBlinded(kind: StoreKind) async throws {
    try await ServerFixture.with(kind) { fixture in
      try await fixture.app().test(.router) { client in
        let cml = try await Browser.signIn(client, name: "CML")
        let adj = try await Browser.signIn(client, name: "ADJ")
        _ = try await cml.post(
          client, "/screen/title/decide",
          [("record", "R000001"), ("verdict", "include"), ("note", "=HYPERLINK(\"http://x\",\"y\")")])
        _ = try await cml.post(
          client, "/screen/title/decide", [("record", "R000002"), ("verdict", "maybe"), ("note", "-0.25")])
        let response = try await adj.get(client, "/decisions.csv")
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
        let lines = String(buffer: response.body).split(separator: "\n").map(String.init)
        #expect(lines.first == "record,stage,reviewer,verdict,criteria,note,time,study")
        #expect(lines.count == 3)
        #expect(
          lines.dropFirst().first?.hasPrefix("R000001,title,CML,include,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",")
            == true)
        #expect(lines.dropFirst(2).first?.hasPrefix("R000002,title,CML,maybe,,-0.25,") == true)
        // A reviewer's download is blinded as `sift decisions export`: nothing until every reviewer decided.
        let blinded = String(buffer: try await cml.get(client, "/decisions.csv").body)
        #expect(blinded == "record,stage,reviewer,verdict,criteria,note,time,study\n")
      }
    }
  }

  @Test(arguments: StoreKind.all)
  func projectPageShowsProgressAgreementAndPrisma(kind: StoreKind) async throws {
    try await ServerFixture.with(kind) { fixture in
      try await fixture.app().test(.router) { client in
        let cml = try await Browser.signIn(client, name: "CML")
        let lj = try await Browser.signIn(client, name: "LJ")
        for (id, a, b) in [
          ("R000001", "include", "include"), ("R000002", "exclude", "exclude"), ("R000003", "include", "exclude"),
        ] {
          _ = try await cml.post(client, "/screen/title/decide", [("record", id), ("verdict", a)])
          _ = try await lj.post(client, "/screen/title/decide", [("record", id), ("verdict", b)])
        }
        let home = String(buffer: try await cml.get(client, "/").body)
        #expect(home.contains("3 of 4"))
        #expect(home.contains("CML vs LJ: κ = "))
        #expect(home.contains("<img src=\"/prisma.svg\""))
        let svg = try await cml.get(client, "/prisma.svg")
        #expect(svg.status == .ok)
        #expect(svg.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
        #expect(String(buffer: svg.body).hasPrefix("<svg") || String(buffer: svg.body).hasPrefix("<?xml"))
      }
    }
  }
}
