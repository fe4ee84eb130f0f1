/// One synthetic bibliographic record for benchmarks, writable as RIS and EndNote XML.
struct SyntheticRecord {
  var id: String
  var title: String
  var authors: [String]
  var year: Int
  var journal: String
  var journalAbbreviation: String
  var volume: Int
  var issue: Int
  var startPage: Int
  var endPage: Int
  var pageForm: String?
  var doi: String?
  var issn: String
  var abstract: String
  var keywords: [String]

  static let families = [
    "Andersson", "Müller", "García", "Smith", "Nguyen", "Kowalczyk", "Øvergaard", "Håkansson", "Çelik", "Šimić",
    "Dubois", "Rossi", "Tanaka", "O'Brien", "van der Berg", "Nuñez", "Lindström", "Papadopoulos", "Kim", "Chen",
    "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Moore", "Jackson", "Martin",
    "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
    "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter",
    "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Flores", "Morris",
    "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Gómez", "Kelly",
    "Howard", "Ward", "Cox", "Díaz", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James",
    "Reyes", "Cruz", "Hughes", "Price", "Myers", "Long", "Foster", "Sanders", "Ross", "Morales", "Powell",
    "Sullivan", "Russell", "Ortiz", "Jenkins", "Gutiérrez", "Perry", "Butler", "Barnes", "Fisher", "Henderson",
  ]
  static let givens = [
    "Anna", "Björn", "Carlos", "David", "Elif", "François", "Gerhard", "Hana", "Ingrid", "José", "Kenji", "Lena",
    "María", "Nils", "Olga", "Pierre", "Qiang", "Rosa", "Søren", "Tomás", "Ulla", "Viktor", "Wei", "Ximena",
    "Yusuf", "Zoë", "Mark", "Laura", "Peter", "Sarah", "John", "Emma", "Paul", "Julia", "Ahmed", "Fatima",
  ]
  static let words = [
    "effect", "treatment", "patients", "randomized", "controlled", "trial", "cognitive", "behavioural",
    "therapy", "internet", "delivered", "depression", "anxiety", "outcomes", "adults", "children", "adolescents",
    "intervention", "systematic", "review", "meta-analysis", "efficacy", "follow-up", "primary", "care",
    "quality", "life", "symptoms", "severity", "baseline", "months", "weeks", "significant", "reduction",
    "compared", "waitlist", "control", "group", "participants", "study", "results", "methods", "background",
    "conclusions", "evidence", "clinical", "practice", "guided", "self-help", "mindfulness", "based", "stress",
    "chronic", "pain", "insomnia", "sleep", "mental", "health", "disorder", "population", "cohort", "risk",
    "factors", "associated", "analysis", "data", "model", "regression", "confidence", "interval", "odds",
    "ratio", "mean", "difference", "standardized", "heterogeneity", "bias", "assessment", "protocol",
    "registered", "recruitment", "community", "hospital", "outpatient", "setting", "cost-effectiveness",
    "economic", "evaluation", "implementation", "feasibility", "acceptability", "adherence", "dropout",
    "engagement", "digital", "smartphone", "application", "online", "program", "module", "session", "therapist",
    "support", "feedback", "measure", "scale", "questionnaire", "validated", "reliability", "validity",
    "secondary", "exploratory", "moderators", "mediators", "mechanisms", "change", "long-term", "short-term",
    "post-treatment", "remission", "response", "relapse", "prevention", "early", "screening", "diagnosis",
    "older", "women", "men", "students", "workers", "veterans", "refugees", "rural", "urban", "low-income",
    "countries", "international", "multicentre", "pragmatic", "non-inferiority", "superiority", "pilot",
  ]
  static let journals: [(String, String)] = [
    ("Journal of Consulting and Clinical Psychology", "J Consult Clin Psychol"),
    ("Behaviour Research and Therapy", "Behav Res Ther"),
    ("Psychological Medicine", "Psychol Med"),
    ("Journal of Medical Internet Research", "J Med Internet Res"),
    ("BMC Psychiatry", "BMC Psychiatry"),
    ("Cognitive Behaviour Therapy", "Cogn Behav Ther"),
    ("Journal of Affective Disorders", "J Affect Disord"),
    ("The Lancet Psychiatry", "Lancet Psychiatry"),
    ("Internet Interventions", "Internet Interv"),
    ("Clinical Psychology Review", "Clin Psychol Rev"),
    ("JAMA Psychiatry", "JAMA Psychiatry"),
    ("Depression and Anxiety", "Depress Anxiety"),
  ]

  static func make(number: Int, rng: inout SplitMix64) -> SyntheticRecord {
    func sentence(_ count: Int, rng: inout SplitMix64) -> String {
      (0..<count).map { _ in rng.pick(words) }.joined(separator: " ")
    }
    var title = sentence(rng.int(8...15), rng: &rng)
    title = title.prefix(1).uppercased() + title.dropFirst()
    let authors = (0..<rng.int(1...8)).map { _ -> String in
      let given = rng.pick(givens)
      let initial = rng.int(0...2) == 0 ? " \(rng.pick(givens).prefix(1))." : ""
      return "\(rng.pick(families)), \(given)\(initial)"
    }
    let journal = rng.pick(journals)
    var abstractSentences: [String] = []
    var wordsSoFar = 0
    while wordsSoFar < 200 {
      let n = rng.int(12...25)
      let s = sentence(n, rng: &rng)
      abstractSentences.append(s.prefix(1).uppercased() + s.dropFirst() + ".")
      wordsSoFar += n
    }
    let start = rng.int(1...1900)
    return SyntheticRecord(
      id: "R\(String(number + 1).leftPadded(7))", title: title, authors: authors, year: rng.int(1995...2025),
      journal: journal.0, journalAbbreviation: journal.1, volume: rng.int(1...80), issue: rng.int(1...12),
      startPage: start, endPage: start + rng.int(5...25), pageForm: nil,
      doi: "10.\(rng.int(1000...9999))/sift.\(number + 1).\(rng.int(100...999))",
      issn: "\(rng.int(1000...9999))-\(rng.int(100...999))\(rng.int(0...9))",
      abstract: abstractSentences.joined(separator: " "),
      keywords: (0..<rng.int(3...6)).map { _ in rng.pick(words) })
  }

  /// A copy with the small changes exports of one paper from two databases show.
  func nearDuplicate(rng: inout SplitMix64) -> SyntheticRecord {
    var copy = self
    copy.id = id + "d"
    switch rng.int(0...5) {
    case 0: copy.title = title.uppercased()
    case 1: copy.title = title.lowercased() + "."
    case 2: copy.journal = journalAbbreviation
    case 3: copy.doi = nil
    case 4:
      let start = Array(String(startPage))
      let end = Array(String(endPage))
      var shared = 0
      if start.count == end.count {
        while shared < end.count - 1, start[shared] == end[shared] { shared += 1 }
      }
      copy.pageForm = "\(startPage)-\(String(end[shared...]))"
    default:
      copy.title = title.replacingOccurrences(of: "-", with: " ")
      copy.doi = doi?.uppercased()
    }
    return copy
  }

  var pages: String { pageForm ?? "\(startPage)-\(endPage)" }

  func ris() -> String {
    var s = "TY  - JOUR\nID  - \(id)\nTI  - \(title)\n"
    for a in authors { s += "AU  - \(a)\n" }
    s += "PY  - \(year)///\nT2  - \(journal)\nJ2  - \(journalAbbreviation)\nVL  - \(volume)\nIS  - \(issue)\n"
    if let pageForm {
      s += "SP  - \(pageForm)\n"
    } else {
      s += "SP  - \(startPage)\nEP  - \(endPage)\n"
    }
    if let doi { s += "DO  - \(doi)\n" }
    s += "SN  - \(issn)\nAB  - \(abstract)\n"
    for k in keywords { s += "KW  - \(k)\n" }
    s += "LA  - English\nPB  - Synthetic Press\nDB  - Synthetic\n"
    if let doi { s += "UR  - https://doi.org/\(doi)\n" }
    s += "ER  - \n\n"
    return s
  }

  func endNoteXML(recNumber: Int) -> String {
    func esc(_ t: String) -> String {
      t.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
    }
    func style(_ t: String) -> String { "<style face=\"normal\" font=\"default\" size=\"100%\">\(esc(t))</style>" }
    var s = "<record><database name=\"Synthetic.enl\">Synthetic.enl</database>"
    s += "<rec-number>\(recNumber)</rec-number><ref-type name=\"Journal Article\">17</ref-type><contributors><authors>"
    for a in authors { s += "<author>\(style(a))</author>" }
    s += "</authors></contributors><titles><title>\(style(title))</title>"
    s += "<secondary-title>\(style(journal))</secondary-title></titles>"
    s +=
      "<periodical><full-title>\(style(journal))</full-title><abbr-1>\(style(journalAbbreviation))</abbr-1></periodical>"
    s +=
      "<pages>\(style(pages))</pages><volume>\(style(String(volume)))</volume><number>\(style(String(issue)))</number>"
    s += "<keywords>" + keywords.map { "<keyword>\(style($0))</keyword>" }.joined() + "</keywords>"
    s += "<dates><year>\(style(String(year)))</year></dates><isbn>\(style(issn))</isbn>"
    s += "<accession-num>\(style(id))</accession-num><abstract>\(style(abstract))</abstract>"
    if let doi { s += "<electronic-resource-num>\(style(doi))</electronic-resource-num>" }
    s += "<language>\(style("English"))</language></record>\n"
    return s
  }
}

extension String {
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
