/// Stage 2 of matching: which pairs are worth scoring. Records share a block when they have the same
/// identifier, the same start or end of title, or the same volume and first page together with the same first
/// author or the same year. Small blocks compare all pairs; a large block compares each record with its
/// neighbours in title order only, so the number of pairs stays near-linear in the number of records.
///
/// Volume + page alone, or first author + year alone, are not keys: their values repeat across unrelated records
/// (a few thousand names a year, a few hundred pages a volume), so their blocks grow with the collection and the
/// pairs with its square (25 million pairs for 1M synthetic records, against 2.9 million with the combined keys).
/// Every pair those keys found in the labelled sets agreed on the whole citation, which the combined keys keep.
enum Blocker {
  /// Blocks above this size are compared by sorted neighbourhood.
  static let fullBlockLimit = 32
  /// Neighbours compared in a large block.
  static let window = 16
  /// The window of large citation blocks (`va:`, `vy:`), whose keys can still repeat across unrelated records.
  static let narrowWindow = 4

  /// Candidate pairs as (smaller index, larger index), indices into `features`, sorted.
  static func candidatePairs(_ features: [RecordFeatures]) -> [(Int, Int)] {
    // Keys are hashed (FNV-1a): a collision only adds pairs to score, never changes a score.
    var blocks: [UInt64: [Int]] = [:]
    blocks.reserveCapacity(features.count * 4)
    // Citation blocks (volume + first page + author or year) get a narrower window.
    var narrow = Set<UInt64>()
    for (i, f) in features.enumerated() {
      for key in Set(keys(f)) {
        let hash = Similarity.fnv(key.utf8)
        if key.hasPrefix("va:") || key.hasPrefix("vy:") { narrow.insert(hash) }
        blocks[hash, default: []].append(i)
      }
    }
    var pairs = Set<UInt64>()
    pairs.reserveCapacity(features.count * 8)
    for (hash, members) in blocks {
      guard members.count > 1 else { continue }
      let width = narrow.contains(hash) ? narrowWindow : window
      if members.count <= fullBlockLimit {
        for x in 0..<members.count {
          for y in (x + 1)..<members.count { pairs.insert(pack(members[x], members[y])) }
        }
      } else {
        let ordered = members.sorted { l, r in
          let (a, b) = (features[l], features[r])
          return a.title != b.title ? a.title < b.title : l < r
        }
        for x in 0..<ordered.count {
          for y in (x + 1)..<min(ordered.count, x + 1 + width) { pairs.insert(pack(ordered[x], ordered[y])) }
        }
      }
    }
    return pairs.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }
  }

  static func pack(_ a: Int, _ b: Int) -> UInt64 {
    let (l, h) = a < b ? (a, b) : (b, a)
    return UInt64(l) << 32 | UInt64(h)
  }

  static func keys(_ f: RecordFeatures) -> [String] {
    var keys: [String] = []
    if let d = f.doi { keys.append("d:" + d) }
    if let p = f.pmid { keys.append("m:" + p) }
    if let e = f.eid { keys.append("e:" + e) }
    if let u = f.ut { keys.append("u:" + u) }
    let compact = f.titleBytes.filter { $0 != 0x20 }
    if compact.count >= 8 {
      keys.append("tp:" + String(decoding: compact.prefix(12), as: UTF8.self))
      keys.append("ts:" + String(decoding: compact.suffix(12), as: UTF8.self))
    }
    if let main = f.mainTitle, main.utf8.count >= 8 {
      keys.append("tp:" + String(decoding: main.utf8.filter { $0 != 0x20 }.prefix(12), as: UTF8.self))
    }
    // The same citation: volume and first page, with the first author (years may differ by one between the
    // online and the print record) or with the year (author lists may be cut or reordered).
    if let v = f.volume, let p = f.firstPage {
      if let first = f.families.first { keys.append("va:\(v):\(p):\(first)") }
      keys.append("vy:\(v):\(p):\(f.year.map(String.init) ?? "?")")
    }
    return keys
  }
}
