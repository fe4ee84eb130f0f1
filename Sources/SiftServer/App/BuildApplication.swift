import Hummingbird
import SiftCore
import SiftTeamStore

/// The screening server over `store`: the routes of docs/server.md behind sign-in, CSRF tokens and blinding.
/// `review` is the project's protocol (reviewers, criteria, stages). Run it with `runService()`, or test it with
/// HummingbirdTesting.
public func buildApplication(store: any TeamStore, review: ReviewProtocol, options: ServerOptions = ServerOptions())
  -> some ApplicationProtocol
{
  let server = ScreeningServer(
    store: store, review: review, sessions: SessionStore(lifetime: options.sessionLifetime),
    throttle: LoginThrottle(limit: options.signInAttempts), hasher: options.hasher, secureCookies: options.secureCookies
  )
  let router = Router(context: BasicRequestContext.self)
  router.add(middleware: SecurityHeaders())
  router.get("/login") { request, _ in await server.loginForm(request) }
  router.post("/login") { request, _ in try await server.login(request) }
  router.post("/logout") { request, _ in try await server.logout(request) }
  router.get("/") { request, _ in try await server.projectPage(request) }
  router.get("/prisma.svg") { request, _ in try await server.prisma(request) }
  router.get("/decisions.csv") { request, _ in try await server.decisionsCSV(request) }
  router.get("/screen/:stage") { request, context in
    try await server.queuePage(request, stage: context.parameters.get("stage") ?? "")
  }
  router.post("/screen/:stage/decide") { request, context in
    try await server.decide(request, stage: context.parameters.get("stage") ?? "")
  }
  router.get("/conflicts/:stage") { request, context in
    try await server.conflictsPage(request, stage: context.parameters.get("stage") ?? "")
  }
  router.post("/conflicts/:stage/resolve") { request, context in
    try await server.resolve(request, stage: context.parameters.get("stage") ?? "")
  }
  let onRunning = options.onRunning
  let host = options.host
  return Application(
    router: router,
    configuration: .init(address: .hostname(host, port: options.port), serverName: nil),
    onServerRunning: { channel in
      let port = channel.localAddress?.port ?? options.port
      let shown = host.contains(":") ? "[\(host)]" : host
      await onRunning("http://\(shown):\(port)/")
    }
  )
}
