import Testing

@testable import SiftTeamStore

@Test func placeholder() { #expect(Bool(true)) }
