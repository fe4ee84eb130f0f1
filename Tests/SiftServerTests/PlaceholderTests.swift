import Testing

@testable import SiftServer

@Test func placeholder() { #expect(Bool(true)) }
