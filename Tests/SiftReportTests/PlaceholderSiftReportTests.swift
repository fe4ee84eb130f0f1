import Foundation
import TestSupport
import Testing

// Replaced by the stage's own tests as the stage is built.
@Test func SiftReportTestsSharedFixturesAreBesideTheClone() {
  #expect(FileManager.default.fileExists(atPath: Fixtures.exports.appendingPathComponent("PROVENANCE.md").path))
}
