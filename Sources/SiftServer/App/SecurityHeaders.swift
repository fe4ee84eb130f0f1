import HTTPTypes
import Hummingbird

/// Adds the same protective headers to every response: the page's Content-Security-Policy, no caching (pages hold
/// records and tokens), no sniffing, no framing, no referrer.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    var response = try await next(request, context)
    if response.headers[.contentSecurityPolicy] == nil {
      response.headers[.contentSecurityPolicy] = Assets.contentSecurityPolicy
    }
    response.headers[.cacheControl] = "no-store"
    response.headers[.xContentTypeOptions] = "nosniff"
    for (name, value) in [("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer")] {
      if let field = HTTPField.Name(name) { response.headers[field] = value }
    }
    return response
  }
}
