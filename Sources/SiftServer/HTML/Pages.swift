import Foundation
import SiftCore
import SiftScreen

/// The page bodies. Every value from a record, the protocol, the store or the request goes through ``HTML/escape(_:)``
/// (directly, or through ``Layout`` helpers that call it).
enum Pages {
  static func login(projectTitle: String, csrf: String, name: String = "", error: String? = nil) -> String {
    var body = "<h1>Sign in</h1><div class=\"card\">"
    if let error { body += "<p class=\"error\">\(HTML.escape(error))</p>" }
    body += """
      <form id="login" method="post" action="/login">
      \(Layout.csrfField(csrf))
      <p><label for="name">Name</label><br><input type="text" id="name" name="name" value="\(HTML.escape(name))" autocomplete="username" autofocus required></p>
      <p><label for="password">Password</label><br><input type="password" id="password" name="password" autocomplete="current-password" required></p>
      <p><button type="submit">Sign in</button></p>
      </form></div>
      """
    return Layout.page(title: "Sign in", project: projectTitle, session: nil, stages: [], body: body)
  }

  /// A short page with a message, for errors (the status tells the client what happened).
  static func message(
    title: String, text: String, projectTitle: String, session: Session?, stages: [Stage], back: String? = nil
  ) -> String {
    var body = "<h1>\(HTML.escape(title))</h1><p class=\"error\">\(HTML.escape(text))</p>"
    if let back { body += "<p><a href=\"\(HTML.escape(back))\">Back</a></p>" }
    return Layout.page(title: title, project: projectTitle, session: session, stages: stages, body: body)
  }

  /// One stage's line on the project page.
  struct StageSummary {
    var stage: Stage
    var done: Int
    var total: Int
    var conflicts: Int?
    var agreement: [PairAgreement]
  }

  static func project(review: ReviewProtocol, session: Session, stages: [StageSummary], prismaError: String?)
    -> String
  {
    var body = "<h1>\(HTML.escape(review.title))</h1>"
    body += "<div class=\"card\"><h2>Stages</h2><table><thead><tr><th>Stage</th><th>Your progress</th>"
    body += "<th>Agreement (Cohen's kappa)</th>"
    if session.isAdjudicator { body += "<th>Conflicts</th>" }
    body += "</tr></thead><tbody>"
    for summary in stages {
      let stage = HTML.escape(summary.stage.rawValue)
      body += "<tr><td><a href=\"/screen/\(stage)\">\(HTML.escape(summary.stage.displayName))</a></td>"
      body += "<td>\(summary.done) of \(summary.total)</td><td>"
      body += summary.agreement.isEmpty ? "–" : summary.agreement.map(kappaText).joined(separator: "<br>")
      body += "</td>"
      if session.isAdjudicator {
        body += "<td><a href=\"/conflicts/\(stage)\">\(summary.conflicts ?? 0)</a></td>"
      }
      body += "</tr>"
    }
    body += "</tbody></table>"
    body += "<p><a href=\"/decisions.csv\">Decisions (CSV)</a></p></div>"
    body += "<div class=\"card prisma\"><h2>PRISMA 2020 flow</h2>"
    if let prismaError {
      body += "<p class=\"error\">\(HTML.escape(prismaError))</p>"
    } else {
      body += "<img src=\"/prisma.svg\" alt=\"PRISMA 2020 flow diagram of this review\">"
    }
    body += "</div>"
    return Layout.page(title: review.title, project: review.title, session: session, stages: review.stages, body: body)
  }

  static func kappaText(_ pair: PairAgreement) -> String {
    let who = "\(HTML.escape(pair.first)) vs \(HTML.escape(pair.second))"
    guard pair.statistics.n > 0 else { return "\(who): no records decided by both" }
    switch pair.statistics.kappa {
    case .value(let kappa, _, let lower, let upper):
      return "\(who): κ = \(number(kappa)) (95% CI \(number(lower)) to \(number(upper)); n = \(pair.statistics.n))"
    case .undefined(let reason):
      return "\(who): κ undefined (\(HTML.escape(reason)); n = \(pair.statistics.n))"
    }
  }

  static func number(_ value: Double) -> String {
    let text = String(format: "%.3f", value)
    return text == "-0.000" ? "0.000" : text
  }

  /// What the queue page shows of one record.
  struct QueueItem {
    var id: String
    var record: Record
    /// A full-text link (http(s) only) or path, at the full-text stage.
    var fulltextURL: String?
    var fulltextPath: String?
    var notRetrieved: Bool
  }

  /// The queue page: progress, the next record, the criteria and the decision form. Never another reviewer's
  /// decision (blinding).
  static func queue(
    review: ReviewProtocol, session: Session, stage: Stage, done: Int, total: Int, item: QueueItem?, error: String?
  ) -> String {
    var body = "<h1>\(HTML.escape(stage.displayName)) screening</h1>"
    body += "<p>\(done) of \(total) decided"
    body += item == nil ? "" : " · record \(done + 1) of \(total)"
    // A <progress> element: the Content-Security-Policy allows no inline style attribute.
    body += "</p><progress value=\"\(done)\" max=\"\(max(total, 1))\">\(done) of \(total)</progress>"
    if let error { body += "<p class=\"error\">\(HTML.escape(error))</p>" }
    guard let item else {
      body +=
        "<div class=\"card notice\">Nothing left for you at this stage. <a href=\"/\">Back to the project</a></div>"
      return Layout.page(
        title: stage.displayName, project: review.title, session: session, stages: review.stages, body: body)
    }
    let terms = review.screening?.highlight ?? []
    let record = item.record
    let showAbstract = stage != .title
    body += "<form id=\"decide\" method=\"post\" action=\"/screen/\(HTML.escape(stage.rawValue))/decide\">"
    body += Layout.recordField(item.id) + Layout.csrfField(session.csrf)
    body += "<div class=\"grid\"><div class=\"card record\">"
    body += "<p class=\"meta\">\(HTML.escape(item.id))</p>"
    body += "<h2>\(Layout.highlighted(record.title ?? "(no title)", terms: terms))</h2>"
    var meta: [String] = []
    if !record.authors.isEmpty {
      let names = record.authors.prefix(6).map(\.asWritten).joined(separator: "; ")
      meta.append(HTML.escape(names + (record.authors.count > 6 ? "; et al." : "")))
    }
    if let year = record.year { meta.append(String(year)) }
    if let journal = record.sourceTitle { meta.append("<em>\(HTML.escape(journal))</em>") }
    if !meta.isEmpty { body += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>" }
    if showAbstract {
      if let abstract = record.abstract, !abstract.isEmpty {
        body += "<p class=\"abstract\">\(Layout.highlighted(abstract, terms: terms))</p>"
      } else {
        body += "<p class=\"meta\">(no abstract)</p>"
      }
      if !record.keywords.isEmpty {
        body += "<p class=\"meta\">Keywords: \(HTML.escape(record.keywords.joined(separator: "; ")))</p>"
      }
    }
    if stage == .fullText {
      body += "<p>Full text: "
      if let link = item.fulltextURL.flatMap(Layout.safeLink) {
        body += "<a href=\"\(link)\" rel=\"noopener noreferrer\" target=\"_blank\">\(link)</a>"
      } else if let path = item.fulltextPath {
        body += "<code>\(HTML.escape(path))</code>"
      } else if item.notRetrieved {
        body += "not retrieved"
      } else if let doi = record.doi, let link = Layout.safeLink("https://doi.org/" + doi) {
        body += "<a href=\"\(link)\" rel=\"noopener noreferrer\" target=\"_blank\">\(link)</a>"
      } else {
        body += "none recorded"
      }
      body += "</p>"
    }
    body += "</div><div class=\"card\">"
    body += verdictChoices()
    body += criteriaChoices(review.criteria)
    body += "<p><label for=\"note\">Note</label><textarea id=\"note\" name=\"note\" rows=\"2\"></textarea></p>"
    body += "<p><button type=\"submit\">Save <kbd>Enter</kbd></button></p>"
    body += "<p class=\"help\">Keys: <kbd>i</kbd> include, <kbd>e</kbd> exclude, <kbd>m</kbd> maybe, "
    body += "<kbd>1</kbd>–<kbd>9</kbd> reasons, <kbd>Enter</kbd> save.</p>"
    body += "</div></div></form>"
    return Layout.page(
      title: stage.displayName, project: review.title, session: session, stages: review.stages, body: body)
  }

  /// The three verdicts as radio buttons; `keys` shows their shortcuts (the queue page only).
  static func verdictChoices(keys: Bool = true) -> String {
    var out = "<div class=\"verdicts\">"
    for (verdict, key) in [(Verdict.include, "i"), (.exclude, "e"), (.maybe, "m")] {
      out += "<label><input type=\"radio\" name=\"verdict\" value=\"\(verdict.rawValue)\" required>"
      out += "<span>\(keys ? "<kbd>\(key)</kbd> " : "")\(verdict.rawValue.capitalized)</span></label>"
    }
    return out + "</div>"
  }

  /// The criteria as reasons: exclusion criteria first (keys 1, 2, …), then inclusion criteria (not met).
  static func criteriaChoices(_ criteria: [Criterion], prefix: String = "") -> String {
    let ordered = criteria.filter { !$0.isInclusion } + criteria.filter(\.isInclusion)
    var out = "<div class=\"criteria\"><h2>Reasons</h2>"
    for (index, criterion) in ordered.enumerated() {
      let key = index < 9 ? String(index + 1) : nil
      out += "<label title=\"\(HTML.escape(criterion.text))\"><input type=\"checkbox\" name=\"criteria\" "
      out += "value=\"\(HTML.escape(criterion.id))\""
      if let key, prefix.isEmpty { out += " data-key=\"\(key)\"" }
      out += "> "
      if let key, prefix.isEmpty { out += "<kbd>\(key)</kbd> " }
      out += "<strong>\(HTML.escape(criterion.id))</strong> \(HTML.escape(criterion.label))"
      if criterion.isInclusion { out += " <span class=\"help\">(not met)</span>" }
      out += "<br><span class=\"help\">\(HTML.escape(criterion.text))</span></label>"
    }
    return out + "</div>"
  }

  /// One conflict as the adjudicator sees it: both reviewers' decisions and a resolution form.
  struct ConflictItem {
    var id: String
    var title: String
    var decisions: [ReviewerDecision]
    /// The current resolution, if any: verdict and who.
    var resolution: String?
  }

  static func conflicts(
    review: ReviewProtocol, session: Session, stage: Stage, items: [ConflictItem], error: String?, notice: String?
  ) -> String {
    var body = "<h1>Conflicts at \(HTML.escape(stage.displayName))</h1>"
    body += "<p>\(items.count) record\(items.count == 1 ? "" : "s") where the reviewers disagree.</p>"
    if let error { body += "<p class=\"error\">\(HTML.escape(error))</p>" }
    if let notice { body += "<p class=\"notice\">\(HTML.escape(notice))</p>" }
    for item in items {
      body += "<div class=\"card\"><p class=\"meta\">\(HTML.escape(item.id))</p>"
      body += "<h2>\(HTML.escape(item.title.isEmpty ? "(no title)" : item.title))</h2>"
      body += "<table><thead><tr><th>Reviewer</th><th>Verdict</th><th>Reasons</th><th>Note</th></tr></thead><tbody>"
      for decision in item.decisions {
        body += "<tr><td>\(HTML.escape(decision.reviewer))</td><td>\(HTML.escape(decision.verdict.rawValue))</td>"
        body += "<td>\(HTML.escape(decision.criteria.joined(separator: ", ")))</td>"
        body += "<td>\(HTML.escape(decision.note ?? ""))</td></tr>"
      }
      body += "</tbody></table>"
      if let resolution = item.resolution { body += "<p class=\"notice\">\(HTML.escape(resolution))</p>" }
      body += "<form method=\"post\" action=\"/conflicts/\(HTML.escape(stage.rawValue))/resolve\">"
      body += Layout.recordField(item.id) + Layout.csrfField(session.csrf)
      body += verdictChoices(keys: false)
      body += criteriaChoices(review.criteria, prefix: item.id)
      body +=
        "<p><label>Why (recorded with your name)<textarea name=\"note\" rows=\"2\" required></textarea></label></p>"
      body += "<p><button type=\"submit\">Resolve</button></p></form></div>"
    }
    return Layout.page(
      title: "Conflicts", project: review.title, session: session, stages: review.stages, body: body)
  }
}
