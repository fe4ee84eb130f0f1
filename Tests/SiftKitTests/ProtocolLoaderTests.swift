import Foundation
import SiftCore
import TestSupport
import Testing

@testable import SiftKit

@Suite struct ProtocolLoaderTests {
  @Test func templateIsValid() throws {
    let review = try ProtocolLoader.parse(ProtocolTemplate.text)
    #expect(review.reviewers.count == 2)
    #expect(review.stages == [.title, .abstract, .fullText])
    #expect(review.criteria.contains { $0.rule != nil })
  }

  @Test func corpusProtocolIsValidWhenPresent() throws {
    let path = Fixtures.packageRoot.appendingPathComponent("corpus/text-alliance/protocol.yaml").path
    guard FileManager.default.fileExists(atPath: path) else { return }
    let review = try ProtocolLoader.load(path: path)
    #expect(review.reviewers == ["CML", "LJ"])
  }

  func problems(_ yaml: String) -> [String] {
    do {
      _ = try ProtocolLoader.parse(yaml)
      return []
    } catch let error as ProtocolError {
      return error.problems.map(\.description)
    } catch {
      return ["\(error)"]
    }
  }

  static let base = """
    title: T
    reviewers: [A, B]
    databases: [{name: Scopus}]
    stages: [title, full-text]
    """

  @Test func wrongTypeIsLocatedByJSONPointer() {
    let found = problems(
      Self.base
        + "\ncriteria:\n  - {id: E1, label: a, text: b}\n  - {id: E2, label: a, text: b}\n  - {id: [1], label: a, text: b}\n"
    )
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("/criteria/2/id: expected a single value") == true)
  }

  @Test func missingKeyIsNamed() {
    #expect(
      problems("title: T\nreviewers: [A]\ndatabases: []\nstages: [title]\n") == [
        "/criteria: missing; this key is required"
      ])
  }

  @Test func unknownKeyIsATypo() {
    let found = problems(Self.base + "\ncriteria: []\nscreening: {maybe_counts_as_includ: true}\n")
    #expect(found.first?.hasPrefix("/screening/maybe_counts_as_includ: unknown key") == true)
  }

  @Test func badStageValue() {
    let found = problems("title: T\nreviewers: [A]\ndatabases: []\ncriteria: []\nstages: [title, fulltext]\n")
    #expect(found.first?.hasPrefix("/stages/1: not a stage") == true)
  }

  @Test(arguments: [
    ("criteria: [{id: X1, label: a, text: b}]", "/criteria/0/id: `X1` is not a criterion id"),
    ("criteria: [{id: E1, label: a, text: b}, {id: E1, label: c, text: d}]", "/criteria/1/id: `E1` is used twice"),
    ("criteria: [{id: E1, label: a, text: b, rule: {field: year}}]", "/criteria/0/rule: a year rule needs"),
    ("criteria: [{id: E1, label: a, text: b, rule: {field: language, min: 3}}]", "/criteria/0/rule: a language rule"),
  ])
  func criterionChecks(criteria: String, expected: String) {
    let found = problems("title: T\nreviewers: [A]\ndatabases: []\nstages: [title]\n" + criteria + "\n")
    #expect(found.contains { $0.hasPrefix(expected) }, "\(found)")
  }

  @Test(arguments: [
    ("[abstract, title]", "/stages/1"), ("[title, title]", "/stages/1"), ("[]", "/stages"),
    ("[title-abstract, abstract]", "/stages"),
  ])
  func stageOrder(stages: String, pointer: String) {
    let found = problems("title: T\nreviewers: [A]\ndatabases: []\ncriteria: []\nstages: \(stages)\n")
    #expect(found.contains { $0.hasPrefix(pointer + ":") }, "\(found)")
  }

  @Test func emptyReviewers() {
    let found = problems("title: T\nreviewers: []\ndatabases: []\ncriteria: []\nstages: [title]\n")
    #expect(found.contains { $0.hasPrefix("/reviewers:") })
  }

  @Test func errorsCarryTheLine() throws {
    do {
      _ = try ProtocolLoader.parse(
        "title: T\nreviewers: [A]\ndatabases: []\ncriteria: []\nstages: [title, nope]\n", file: "p.yaml")
      Issue.record("should fail")
    } catch let error as ProtocolError {
      #expect(error.description.hasPrefix("p.yaml:5: error: /stages/1:"))
    }
  }

  /// Validates the template and the corpus protocol against schemas/protocol.schema.json with python3 `jsonschema`
  /// when it is installed (the decoding tests above cover the same files otherwise).
  @Test func jsonSchemaAcceptsTemplateAndCorpusProtocol() throws {
    let schema = Fixtures.packageRoot.appendingPathComponent("schemas/protocol.schema.json").path
    #expect(FileManager.default.fileExists(atPath: schema))
    let dir = try Fixtures.temporaryDirectory("sift-schema")
    let template = dir.appendingPathComponent("template.yaml")
    try Data(ProtocolTemplate.text.utf8).write(to: template)
    var files = [template.path]
    let corpus = Fixtures.packageRoot.appendingPathComponent("corpus/text-alliance/protocol.yaml").path
    if FileManager.default.fileExists(atPath: corpus) { files.append(corpus) }
    let script = """
      import json, sys
      try:
          import jsonschema, yaml
      except ImportError:
          print("SKIP"); sys.exit(0)
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      validator = jsonschema.Draft202012Validator(schema)
      bad = 0
      for path in sys.argv[2:]:
          for error in validator.iter_errors(yaml.safe_load(open(path))):
              print(path, "/" + "/".join(map(str, error.path)), error.message); bad += 1
      print("OK" if bad == 0 else "FAIL")
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, schema] + files
    let out = Pipe()
    process.standardOutput = out
    do { try process.run() } catch { return }  // no python3: covered by decoding
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasSuffix("OK\n") || text.hasSuffix("SKIP\n"), "\(text)")
  }

  /// The schema rejects what the loader rejects (spot checks).
  @Test func jsonSchemaRejectsBadCriterionID() throws {
    let schema = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/protocol.schema.json"), encoding: .utf8)
    #expect(schema.contains("^[IE][1-9][0-9]*$"))
    #expect(schema.contains("\"additionalProperties\": false"))
  }
}
