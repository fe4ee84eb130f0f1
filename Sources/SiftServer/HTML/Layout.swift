import Foundation
import SiftCore

/// The frame of every page: head with the inline style and script, a header with the project and the account.
enum Layout {
  /// A whole page. `title` is escaped here; `body` is HTML built by the page functions (values escaped there).
  static func page(title: String, project: String, session: Session?, stages: [Stage], body: String) -> String {
    var header = "<header><a href=\"/\"><strong>Sift</strong></a> <span>\(HTML.escape(project))</span>"
    if let session, let name = session.reviewer {
      header += "<nav>"
      header += stages.map { "<a href=\"/screen/\(HTML.escape($0.rawValue))\">\(HTML.escape($0.displayName))</a>" }
        .joined(separator: " · ")
      if session.isAdjudicator {
        header +=
          " · "
          + stages.map {
            "<a href=\"/conflicts/\(HTML.escape($0.rawValue))\">Conflicts (\(HTML.escape($0.displayName)))</a>"
          }.joined(separator: " · ")
      }
      header += "</nav><span class=\"who\">\(HTML.escape(name))"
      header += session.isAdjudicator ? " (adjudicator)" : ""
      header += " <form method=\"post\" action=\"/logout\">\(csrfField(session.csrf))<button type=\"submit\">Sign out"
      header += "</button></form></span>"
    }
    header += "</header>"
    return """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTML.escape(title)) · Sift</title>
      <style>\(Assets.css)</style>
      </head>
      <body>
      \(header)
      <main>
      \(body)
      </main>
      <script>\(Assets.js)</script>
      </body>
      </html>

      """
  }

  /// The hidden CSRF field, exactly as scripted clients look for it.
  static func csrfField(_ token: String) -> String {
    "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(token))\">"
  }

  /// The hidden record field, exactly as scripted clients look for it.
  static func recordField(_ id: String) -> String {
    "<input type=\"hidden\" name=\"record\" value=\"\(HTML.escape(id))\">"
  }

  /// `text` escaped, with every case-insensitive occurrence of a `terms` entry wrapped in `<mark>`; the text is cut
  /// on the raw string, so a term can never match inside an entity.
  static func highlighted(_ text: String, terms: [String]) -> String {
    let terms = terms.filter { !$0.isEmpty }
    guard !terms.isEmpty else { return HTML.escape(text) }
    var out = ""
    var rest = text[...]
    while !rest.isEmpty {
      var best: Range<Substring.Index>?
      for term in terms {
        if let found = rest.range(of: term, options: .caseInsensitive),
          best == nil || found.lowerBound < best?.lowerBound ?? found.lowerBound
        {
          best = found
        }
      }
      guard let match = best else {
        out += HTML.escape(String(rest))
        break
      }
      out += HTML.escape(String(rest[rest.startIndex..<match.lowerBound]))
      out += "<mark>" + HTML.escape(String(rest[match])) + "</mark>"
      rest = rest[match.upperBound...]
    }
    return out
  }

  /// An `href` value for an outside link, only for http(s) URLs (never `javascript:` or `data:`); nil otherwise.
  static func safeLink(_ url: String) -> String? {
    let trimmed = url.trimmingSpaces
    let lower = trimmed.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
    return HTML.escape(trimmed)
  }
}
