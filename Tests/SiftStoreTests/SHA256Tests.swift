import Foundation
import Testing

@testable import SiftStore

@Suite struct SHA256Tests {
  /// FIPS 180-4 test vectors (the 56-byte one crosses a block boundary in padding).
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func knownDigests(text: String, digest: String) {
    #expect(SHA256.hex(Array(text.utf8)) == digest)
  }

  @Test func millionAs() {
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Slices that do not start at index 0, and a file read in chunks, give the digest of the same bytes.
  @Test func slicesAndFiles() throws {
    let bytes = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) }
    var hasher = SHA256.Hasher()
    hasher.update(bytes[0..<7])
    hasher.update(bytes[7..<4_321])
    hasher.update(bytes[4_321...])
    #expect(hasher.finalizeHex() == SHA256.hex(bytes))
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString).bin")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try SHA256.hexOfFile(atPath: url.path) == SHA256.hex(bytes))
  }

  /// Fed in pieces of every awkward size (within a block, across blocks, empty), the digest is the same.
  @Test(arguments: [1, 3, 55, 63, 64, 65, 127, 1000])
  func piecesGiveTheSameDigest(piece: Int) {
    let bytes = (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    var hasher = SHA256.Hasher()
    var start = 0
    while start < bytes.count {
      let end = min(bytes.count, start + piece)
      hasher.update(bytes[start..<end])
      hasher.update([UInt8]())
      start = end
    }
    #expect(hasher.finalizeHex() == SHA256.hex(bytes))
  }

  @Test func fileDigestMatchesTheBytes() throws {
    let path = NSTemporaryDirectory() + "sift-sha-\(UInt64.random(in: 0...UInt64.max)).bin"
    let bytes = [UInt8](repeating: 0x61, count: 1_000_000)
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(
      try SHA256.hexOfFile(atPath: path) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    #expect(try SHA256.hexOfFile(atPath: path + ".missing") == nil)
  }
}
