import Foundation
import Testing

@testable import SiftServer

@Suite struct ServerSetupTests {
  /// The protocol's `store:` may name its password through the environment.
  @Test func storeSettingReadsVariablesFromTheEnvironment() {
    setenv("SIFT_TEST_SECRET", "pa55", 1)
    defer { unsetenv("SIFT_TEST_SECRET") }
    #expect(
      ServerSetup.expandEnvironment("postgres://sift:${SIFT_TEST_SECRET}@db:5432/review")
        == "postgres://sift:pa55@db:5432/review")
    #expect(ServerSetup.expandEnvironment("postgres://sift@db/${SIFT_TEST_UNSET_VARIABLE}") == "postgres://sift@db/")
    #expect(ServerSetup.expandEnvironment("postgres://x/${unclosed") == "postgres://x/${unclosed")
    #expect(ServerSetup.expandEnvironment("no variables") == "no variables")
  }
}
