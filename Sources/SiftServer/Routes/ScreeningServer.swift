import Foundation
import Hummingbird
import SiftCore
import SiftKit
import SiftReport
import SiftScreen
import SiftStore
import SiftTeamStore

/// The request handlers. Every handler but the sign-in form checks the session first (GET → 303 /login,
/// POST → 401), every POST then checks the CSRF token (→ 403), and the reviewer is always the signed-in account.
struct ScreeningServer: Sendable {
  let store: any TeamStore
  let review: ReviewProtocol
  let sessions: SessionStore
  let throttle: LoginThrottle
  let hasher: PasswordHasher
  let secureCookies: Bool

  static let cookieName = "sift_session"
  /// Largest form body read (a note of a few pages is far below it).
  static let maxBody = 256 * 1024

  // MARK: Sign-in

  func loginForm(_ request: Request) async -> Response {
    let token = cookie(request)
    if let session = await sessions.session(token) {
      if session.reviewer != nil { return redirect("/") }
      return html(Pages.login(projectTitle: review.title, csrf: session.csrf))
    }
    let (newToken, session) = await sessions.startAnonymous()
    var response = html(Pages.login(projectTitle: review.title, csrf: session.csrf))
    response.headers[.setCookie] = setCookie(newToken)
    return response
  }

  func login(_ request: Request) async throws -> Response {
    let token = cookie(request)
    let form = try await readForm(request)
    guard let session = await sessions.session(token), session.reviewer == nil else {
      if let session = await sessions.session(token), session.reviewer != nil { return redirect("/") }
      return forbidden("The sign-in form has expired. Load the sign-in page again.", session: nil)
    }
    guard let sent = form["csrf"], SecureToken.equal(sent, session.csrf) else {
      return forbidden("The form's security token is missing or wrong. Load the sign-in page again.", session: nil)
    }
    let name = (form["name"] ?? "").trimmingSpaces
    let password = form["password"] ?? ""
    guard await throttle.allows(name) else {
      return html(
        Pages.login(
          projectTitle: review.title, csrf: session.csrf, name: name,
          error: "Too many failed sign-ins for this name; wait 15 minutes and try again."),
        status: .tooManyRequests)
    }
    let account = name.isEmpty ? nil : try await store.reviewer(named: name)
    guard let account else {
      hasher.burn(password)
      await throttle.failed(name)
      return wrongPassword(name: name, csrf: session.csrf)
    }
    guard PasswordHasher.verify(password, against: account.passwordHash) else {
      await throttle.failed(name)
      return wrongPassword(name: name, csrf: session.csrf)
    }
    await throttle.succeeded(name)
    let newToken = await sessions.signIn(reviewer: account.name, role: account.role, replacing: token)
    var response = redirect("/")
    response.headers[.setCookie] = setCookie(newToken)
    return response
  }

  private func wrongPassword(name: String, csrf: String) -> Response {
    html(
      Pages.login(projectTitle: review.title, csrf: csrf, name: name, error: "Wrong name or password."),
      status: .unauthorized)
  }

  func logout(_ request: Request) async throws -> Response {
    switch try await authorizePost(request) {
    case .refused(let response): return response
    case .allowed(let token, _, _):
      await sessions.end(token)
      var response = redirect("/login")
      response.headers[.setCookie] =
        "\(Self.cookieName)=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/\(secureCookies ? "; Secure" : "")"
      return response
    }
  }

  // MARK: Project page, PRISMA, CSV

  func projectPage(_ request: Request) async throws -> Response {
    guard let (_, session) = await signedIn(request) else { return redirect("/login") }
    let rows = try await store.projectRows()
    var summaries: [Pages.StageSummary] = []
    let reviewer = session.reviewer ?? ""
    for stage in review.stages {
      var done = 0
      var total = 0
      if review.reviewers.contains(reviewer) {
        let queue = ProjectScreening.queue(rows: rows, review: review, reviewer: reviewer, stage: stage)
        done = queue.done
        total = queue.total
      }
      let conflicts =
        session.isAdjudicator
        ? ProjectConflicts.list(rows: rows, review: review, records: [], stage: stage).count : nil
      let agreement = ProjectAgreement.compute(rows: rows, review: review, stage: stage)
      summaries.append(
        Pages.StageSummary(stage: stage, done: done, total: total, conflicts: conflicts, agreement: agreement))
    }
    var prismaError: String?
    do {
      _ = try prismaSVG(rows)
    } catch {
      prismaError = "The PRISMA diagram cannot be drawn yet: \(error)"
    }
    return html(Pages.project(review: review, session: session, stages: summaries, prismaError: prismaError))
  }

  func prisma(_ request: Request) async throws -> Response {
    guard await signedIn(request) != nil else { return redirect("/login") }
    let svg = try prismaSVG(try await store.projectRows())
    return Response(
      status: .ok,
      headers: [
        .contentType: "image/svg+xml; charset=utf-8",
        .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'",
      ],
      body: .init(byteBuffer: ByteBuffer(string: svg)))
  }

  /// The diagram `sift prisma` draws, from the same derivation and renderer.
  func prismaSVG(_ rows: ProjectRows) throws -> String {
    let flow = ProjectFlow.derive(rows: rows, review: review)
    let counts = try PrismaCounts(flow: flow)
    return String(decoding: try PrismaRun.render(counts, format: .svg, explain: false), as: UTF8.self)
  }

  func decisionsCSV(_ request: Request) async throws -> Response {
    guard let (_, session) = await signedIn(request) else { return redirect("/login") }
    let rows = try await store.projectRows()
    // The CLI's export: blinded for reviewers (decisions on records not yet decided by every reviewer, and not
    // resolved, are withheld), all of them for an adjudicator.
    let csv = DecisionsExport.csv(
      rows: rows, history: nil, review: review, stage: nil, reviewer: nil, all: session.isAdjudicator
    ).csv
    return Response(
      status: .ok,
      headers: [
        .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"decisions.csv\"",
      ],
      body: .init(byteBuffer: ByteBuffer(string: csv)))
  }

  // MARK: Queue

  func queuePage(_ request: Request, stage stageName: String, error: String? = nil) async throws -> Response {
    guard let (_, session) = await signedIn(request) else { return redirect("/login") }
    let stage: Stage
    switch screenStage(stageName, session: session) {
    case .failure(let refusal): return refusal.response
    case .success(let found): stage = found
    }
    let reviewer = session.reviewer ?? ""
    let rows = try await store.projectRows()
    let queue = ProjectScreening.queue(rows: rows, review: review, reviewer: reviewer, stage: stage)
    var item: Pages.QueueItem?
    if let id = queue.todo.first, let row = try await store.record(id: id) {
      let record = try ProjectScreening.content(of: row)
      let fulltext = rows.fulltexts.last { $0.recordId == id }
      item = Pages.QueueItem(
        id: id, record: record, fulltextURL: fulltext?.url, fulltextPath: fulltext?.path,
        notRetrieved: fulltext?.notRetrieved ?? false)
    }
    return html(
      Pages.queue(
        review: review, session: session, stage: stage, done: queue.done, total: queue.total, item: item,
        error: error),
      status: error == nil ? .ok : .unprocessableContent)
  }

  func decide(_ request: Request, stage stageName: String) async throws -> Response {
    let form: FormBody
    let session: Session
    switch try await authorizePost(request) {
    case .refused(let response): return response
    case .allowed(_, let found, let body):
      session = found
      form = body
    }
    let stage: Stage
    switch screenStage(stageName, session: session) {
    case .failure(let refusal): return refusal.response
    case .success(let found): stage = found
    }
    guard let verdictText = form["verdict"], let verdict = Verdict(rawValue: verdictText) else {
      return try await queuePage(request, stage: stageName, error: "Choose include, exclude or maybe.")
    }
    let criteria = orderedCriteria(form.all("criteria"))
    if verdict != .exclude, !criteria.isEmpty {
      return try await queuePage(
        request, stage: stageName, error: "Reasons are given with an exclusion only; untick them or choose exclude.")
    }
    let note = (form["note"] ?? "").trimmingSpaces
    let input = DecisionInput(
      origin: "web", reference: form["record"] ?? "", reviewer: session.reviewer ?? "", stage: stage,
      verdict: verdict, criteria: criteria, note: note.isEmpty ? nil : note)
    // The form names the record by its id: read that record's rows only (a reference written otherwise, e.g.
    // `R12`, falls back to every row).
    var rows = try await store.projectRows(only: [input.reference.trimmingSpaces])
    if rows.recordSources.isEmpty { rows = try await store.projectRows() }
    let id: String
    do {
      id = try ProjectScreening.check(input, rows: rows, review: review)
    } catch {
      return try await queuePage(request, stage: stageName, error: "\(error)")
    }
    _ = try await store.appendDecision(
      recordID: id, stage: stage.rawValue, reviewer: input.reviewer, verdict: verdict.rawValue,
      criteria: criteria, note: input.note, time: SiftClock.now())
    return redirect("/screen/\(stage.rawValue)")
  }

  // MARK: Conflicts

  func conflictsPage(_ request: Request, stage stageName: String, error: String? = nil, notice: String? = nil)
    async throws -> Response
  {
    guard let (_, session) = await signedIn(request) else { return redirect("/login") }
    guard session.isAdjudicator else {
      return forbidden("Only an adjudicator sees conflicts.", session: session)
    }
    guard let stage = Stage(rawValue: stageName), review.stages.contains(stage) else {
      return notFound("No stage `\(stageName)` in this protocol.", session: session)
    }
    let rows = try await store.projectRows()
    var items: [Pages.ConflictItem] = []
    for conflict in ProjectConflicts.list(rows: rows, review: review, records: [], stage: stage) {
      let title = try await store.record(id: conflict.recordID).map(ProjectScreening.content(of:))?.title ?? ""
      let resolution = rows.resolutions.last { $0.recordId == conflict.recordID && $0.stage == stage.rawValue }
        .map { "Resolved \($0.verdict) by \($0.resolvedBy) at \($0.resolvedAt): \($0.note ?? "")" }
      items.append(
        Pages.ConflictItem(id: conflict.recordID, title: title, decisions: conflict.decisions, resolution: resolution))
    }
    return html(
      Pages.conflicts(review: review, session: session, stage: stage, items: items, error: error, notice: notice),
      status: error == nil ? .ok : .unprocessableContent)
  }

  func resolve(_ request: Request, stage stageName: String) async throws -> Response {
    let form: FormBody
    let session: Session
    switch try await authorizePost(request) {
    case .refused(let response): return response
    case .allowed(_, let found, let body):
      session = found
      form = body
    }
    guard session.isAdjudicator else { return forbidden("Only an adjudicator resolves conflicts.", session: session) }
    guard let stage = Stage(rawValue: stageName), review.stages.contains(stage) else {
      return notFound("No stage `\(stageName)` in this protocol.", session: session)
    }
    guard let verdictText = form["verdict"], let verdict = Verdict(rawValue: verdictText) else {
      return try await conflictsPage(request, stage: stageName, error: "Choose include, exclude or maybe.")
    }
    let note = (form["note"] ?? "").trimmingSpaces
    guard !note.isEmpty else {
      return try await conflictsPage(
        request, stage: stageName, error: "Say why: the note is recorded with the resolution.")
    }
    let criteria = orderedCriteria(form.all("criteria"))
    let input = ResolutionInput(
      origin: "web", reference: form["record"] ?? "", stage: stage, verdict: verdict, criteria: criteria,
      by: session.reviewer ?? "", note: note)
    let rows = try await store.projectRows()
    let id: String
    do {
      id = try ProjectScreening.check(input, rows: rows, review: review)
    } catch {
      return try await conflictsPage(request, stage: stageName, error: "\(error)")
    }
    _ = try await store.appendResolution(
      recordID: id, stage: stage.rawValue, verdict: verdict.rawValue, criteria: criteria, by: input.by, note: note,
      time: SiftClock.now())
    return redirect("/conflicts/\(stage.rawValue)")
  }

  // MARK: Helpers

  enum PostCheck {
    case allowed(token: String, session: Session, form: FormBody)
    case refused(Response)
  }

  /// A POST's gate: signed in (else 401), then the form's CSRF token equals the session's (else 403).
  func authorizePost(_ request: Request) async throws -> PostCheck {
    guard let (token, session) = await signedIn(request) else {
      return .refused(
        html(
          Pages.message(
            title: "Sign in first", text: "This action needs a signed-in account.", projectTitle: review.title,
            session: nil, stages: [], back: "/login"),
          status: .unauthorized))
    }
    let form = try await readForm(request)
    guard let sent = form["csrf"], SecureToken.equal(sent, session.csrf) else {
      return .refused(
        forbidden("The form's security token is missing or wrong. Reload the page and try again.", session: session))
    }
    return .allowed(token: token, session: session, form: form)
  }

  func signedIn(_ request: Request) async -> (String, Session)? {
    guard let token = cookie(request), let session = await sessions.session(token), session.reviewer != nil else {
      return nil
    }
    return (token, session)
  }

  struct Refusal: Error {
    var response: Response
  }

  /// The stage a reviewer may screen, or the page saying why not.
  func screenStage(_ name: String, session: Session) -> Result<Stage, Refusal> {
    guard let stage = Stage(rawValue: name), review.stages.contains(stage) else {
      return .failure(Refusal(response: notFound("No stage `\(name)` in this protocol.", session: session)))
    }
    guard let reviewer = session.reviewer, review.reviewers.contains(reviewer) else {
      return .failure(
        Refusal(
          response: forbidden(
            "`\(session.reviewer ?? "")` is not a reviewer of this protocol "
              + "(reviewers: \(review.reviewers.joined(separator: ", "))), so has no queue.", session: session)))
    }
    return .success(stage)
  }

  /// Criteria ids in protocol order, each once.
  func orderedCriteria(_ ids: [String]) -> [String] {
    let wanted = Set(ids)
    let known = review.criteria.map(\.id)
    return known.filter { wanted.contains($0) } + wanted.subtracting(known).sorted()
  }

  func readForm(_ request: Request) async throws -> FormBody {
    let buffer = try await request.body.collect(upTo: Self.maxBody)
    return FormBody(String(buffer: buffer))
  }

  func cookie(_ request: Request) -> String? {
    request.cookies[Self.cookieName]?.value
  }

  func setCookie(_ token: String) -> String {
    "\(Self.cookieName)=\(token); HttpOnly; SameSite=Strict; Path=/\(secureCookies ? "; Secure" : "")"
  }

  func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status, headers: [.contentType: "text/html; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
  }

  func forbidden(_ text: String, session: Session?) -> Response {
    html(
      Pages.message(
        title: "Not allowed", text: text, projectTitle: review.title, session: session, stages: review.stages,
        back: "/"),
      status: .forbidden)
  }

  func notFound(_ text: String, session: Session?) -> Response {
    html(
      Pages.message(
        title: "Not found", text: text, projectTitle: review.title, session: session, stages: review.stages,
        back: "/"),
      status: .notFound)
  }
}
