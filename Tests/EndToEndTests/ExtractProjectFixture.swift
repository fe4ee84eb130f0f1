import Foundation
import TestSupport
import Testing

/// A small project in a temporary folder for the extraction commands (default form `text-alliance`).
enum ExtractProjectFixture {
  static let protocolYAML = """
    title: Mini review
    reviewers: [CML, LJ]
    databases: []
    criteria: []
    stages: [title, abstract, full-text]
    synthesis:
      correlation_thresholds: {small: 0.10, moderate: 0.30, strong: 0.50}

    """

  /// CML: rows 1a (n 40), 1b (n 60), 2 (n 100).
  static let cmlYAML = """
    form: text-alliance
    reviewer: CML
    studies:
      - study: "1"
        label: Alpha et al. (1)
        record: doi:10.1000/alpha
        rows:
          - row: 1a
            participants:
              presenting_problem: {value: [depression], text: Depression}
              gender: {value: 75, text: "75% female"}
              age: {mean: 40.0, sd: 10}
            study:
              design: {value: RCT, text: Randomized controlled trial}
              sample_size: 40
              communication: {value: [asynchronous], text: "Emails (asynchronous)"}
              contact_frequency: weekly
              therapist_time: 15min. a week
            measurements:
              - label: 2
                measure_rater: "WAI-S: Working Alliance Inventory-Short Form, C"
                quality: 5.0 (1.0)
            scores:
              - {measure: WAI-S, rater: client, mean: 5.0, sd: 1.0}
            relationships:
              - {kind: correlation, r: 0.30, significant: "yes", strength: moderate}
          - row: 1b
            participants:
              presenting_problem: [anxiety]
              gender: 50
              age: n.a.
            study:
              design: RCT
              sample_size: 60
              contact_frequency: n.a.
            measurements:
              - label: 3
                measure_rater: "WAI-S, C"
                quality: 6.0 (2.0)
            scores:
              - {measure: WAI-S, rater: client, mean: 6.0, sd: 2.0}
            relationships:
              - {kind: correlation, r: 0.05, significant: "no"}
      - study: "2"
        label: Beta and Gamma (2)
        rows:
          - row: "2"
            participants:
              presenting_problem: {value: [anxiety, depression], text: Anxiety and depression}
              gender: 60
              age: "30 (5)"
            study:
              design: open trial
              sample_size: 100
            measurements:
              - label: 1
                measure_rater: "TAQ, C"
                quality: 80 (10)
            scores:
              - {measure: TAQ, rater: client, mean: 80, sd: 10}

    """

  /// LJ, in CSV: agrees with CML except row 1a's age SD (11) and no therapist time.
  static var ljCSV: String {
    """
    study,row,table,entry,column,value,text,note
    1,,_study,,label,Alpha et al. (1),,
    1,,_study,,record,doi:10.1000/alpha,,
    1,1a,participants,,presenting_problem,depression,Depression,
    1,1a,participants,,gender,75,75% female,
    1,1a,participants,,age,40.0 (11),,
    1,1a,study,,design,RCT,Randomized controlled trial,
    1,1a,study,,sample_size,40,,
    1,1a,study,,communication,asynchronous,Emails (asynchronous),
    1,1a,study,,contact_frequency,weekly,,
    1,1a,measurements,1,@label,2,,
    1,1a,measurements,1,measure_rater,"WAI-S: Working Alliance Inventory-Short Form, C",,
    1,1a,measurements,1,quality,5.0 (1.0),,
    1,1a,scores,1,measure,WAI-S,,
    1,1a,scores,1,rater,client,,
    1,1a,scores,1,mean,5.0,,
    1,1a,scores,1,sd,1.0,,
    1,1a,relationships,1,kind,correlation,,
    1,1a,relationships,1,r,0.30,,
    1,1a,relationships,1,significant,yes,,
    1,1a,relationships,1,strength,moderate,,
    1,1b,participants,,presenting_problem,anxiety,,
    1,1b,participants,,gender,50,,
    1,1b,participants,,age,n.a.,,
    1,1b,study,,design,RCT,,
    1,1b,study,,sample_size,60,,
    1,1b,study,,contact_frequency,n.a.,,
    1,1b,measurements,1,@label,3,,
    1,1b,measurements,1,measure_rater,"WAI-S, C",,
    1,1b,measurements,1,quality,6.0 (2.0),,
    1,1b,scores,1,measure,WAI-S,,
    1,1b,scores,1,rater,client,,
    1,1b,scores,1,mean,6.0,,
    1,1b,scores,1,sd,2.0,,
    1,1b,relationships,1,kind,correlation,,
    1,1b,relationships,1,r,0.05,,
    1,1b,relationships,1,significant,no,,
    2,,_study,,label,Beta and Gamma (2),,
    2,2,participants,,presenting_problem,anxiety; depression,Anxiety and depression,
    2,2,participants,,gender,60,,
    2,2,participants,,age,30 (5),,
    2,2,study,,design,open trial,,
    2,2,study,,sample_size,100,,
    2,2,measurements,1,@label,1,,
    2,2,measurements,1,measure_rater,"TAQ, C",,
    2,2,measurements,1,quality,80 (10),,
    2,2,scores,1,measure,TAQ,,
    2,2,scores,1,rater,client,,
    2,2,scores,1,mean,80,,
    2,2,scores,1,sd,10,,

    """
  }

  /// Weighted WAI-S mean (40·5 + 60·6) / 100 = 5.6; weighted SD (40·1 + 60·2) / 100 = 1.6;
  /// pooled SD √((39·1 + 59·4) / 98) = 1.675.
  static let reportedYAML = """
    items:
      - id: wai-s-mean
        statistic: {kind: weighted-mean, table: scores, column: mean, where: {measure: WAI-S}}
        reported: 5.6
        decimals: 1
        sentence: The weighted mean WAI-S score was 5.6.
        location: Results
      - id: wai-s-sd
        statistic: {kind: weighted-sd, table: scores, column: mean, sd_column: sd, where: {measure: WAI-S}}
        reported: 1.5
        decimals: 1
        sentence: Its weighted SD was 1.5.
      - id: depression
        statistic: {kind: count-category, table: participants, column: presenting_problem, value: depression, count_by: interventions}
        reported: 2

    """

  /// A new project folder with protocol.yaml and the two reviewer files (not imported).
  static func make() throws -> URL {
    let directory = try Fixtures.temporaryDirectory("sift-extract")
    try write(protocolYAML, directory, "protocol.yaml")
    try write(cmlYAML, directory, "in/CML.yaml")
    try write(ljCSV, directory, "in/LJ.csv")
    try write(reportedYAML, directory, "reported.yaml")
    return directory
  }

  static func write(_ text: String, _ directory: URL, _ path: String) throws {
    let url = directory.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  static func read(_ directory: URL, _ path: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
  }

  /// Runs sift and expects success.
  @discardableResult
  static func sift(_ arguments: [String], in directory: URL) throws -> SiftBinary.Result {
    let result = try SiftBinary.run(arguments, in: directory)
    #expect(result.status == 0, "sift \(arguments.joined(separator: " ")): \(result.stderr)")
    return result
  }
}
