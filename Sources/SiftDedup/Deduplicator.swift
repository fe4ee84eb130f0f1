import SiftCore

/// Finds the records that are the same publication. Pure: same records (in any order) → same result.
///
/// Stages: (1) exact identifiers (DOI, PMID, Scopus EID, WoS UT); (2) blocking, then scoring of candidate
/// pairs on title, authors, year, journal, volume and pages (see ``PairScorer``); (3) clustering: pairs at or
/// above the merge threshold join clusters, best pairs first, unless the two clusters carry different DOIs or
/// PMIDs; (4) a person's overrides, which always win.
public enum Deduplicator {
  /// Clusters `records` (keys must be unique; the result is the same for any order of the input), lists the near
  /// misses, then applies `overrides` in order (unknown keys are ignored).
  public static func run(
    _ records: [DedupRecord], options: DedupOptions = .init(), overrides: [DedupOverride] = []
  ) -> DedupResult {
    run(prepared: records.map(prepare), options: options, overrides: overrides)
  }

  /// What matching reads of one record, so a caller that streams records can release each one after this.
  public static func prepare(_ record: DedupRecord) -> PreparedRecord {
    PreparedRecord(features: RecordFeatures(key: record.key, record: record.record))
  }

  /// ``run(_:options:overrides:)`` over records already reduced by ``prepare(_:)``.
  public static func run(
    prepared: [PreparedRecord], options: DedupOptions = .init(), overrides: [DedupOverride] = []
  ) -> DedupResult {
    let features = prepared.map(\.features).sorted { $0.key < $1.key }
    let n = features.count
    var index: [String: Int] = [:]
    for (i, f) in features.enumerated() where index[f.key] == nil { index[f.key] = i }

    // Score the candidate pairs.
    struct Edge {
      var a: Int
      var b: Int
      var score: Double
      var reason: String
    }
    var edges: [Edge] = []
    let candidates = Blocker.candidatePairs(features)
    for (a, b) in candidates {
      let s = PairScorer.score(features[a], features[b], mergeThreshold: options.mergeThreshold)
      if s.score >= options.reviewThreshold { edges.append(Edge(a: a, b: b, score: s.score, reason: s.reason)) }
    }
    edges.sort { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }

    // Cluster, best pairs first, never joining clusters with different DOIs or PMIDs.
    var sets = DisjointSets(count: n)
    var dois: [Int: Set<String>] = [:]
    var pmids: [Int: Set<String>] = [:]
    for (i, f) in features.enumerated() {
      if let d = f.doi { dois[i] = [d] }
      if let p = f.pmid { pmids[i] = [p] }
    }
    var accepted: [Edge] = []
    var nearMisses: [Edge] = []
    for var e in edges {
      guard e.score >= options.mergeThreshold else {
        nearMisses.append(e)
        continue
      }
      let ra = sets.find(e.a)
      let rb = sets.find(e.b)
      if ra == rb {
        accepted.append(e)
        continue
      }
      let reprinted = e.reason.contains(PairScorer.reprintedNote)
      if (conflict(dois[ra], dois[rb]) && !reprinted) || conflict(pmids[ra], pmids[rb]) {
        e.reason += "; clusters carry different identifiers"
        nearMisses.append(e)
        continue
      }
      let root = sets.union(ra, rb)
      let other = root == ra ? rb : ra
      dois[root, default: []].formUnion(dois[other] ?? [])
      pmids[root, default: []].formUnion(pmids[other] ?? [])
      accepted.append(e)
    }

    // Overrides, in order.
    var label = (0..<n).map { sets.find($0) }
    var forced: [Int: String] = [:]
    var nextLabel = n
    for o in overrides {
      switch o {
      case .merge(let x, let y):
        guard let a = index[x], let b = index[y], label[a] != label[b] else { continue }
        let from = label[b]
        for i in 0..<n where label[i] == from {
          label[i] = label[a]
          forced[i] = "manual merge"
        }
      case .split(let x):
        guard let a = index[x] else { continue }
        label[a] = nextLabel
        nextLabel += 1
        forced[a] = "manual split"
      }
    }

    // Build the clusters.
    var groups: [Int: [Int]] = [:]
    for i in 0..<n { groups[label[i], default: []].append(i) }
    var bestEdge: [Int: [Edge]] = [:]
    for e in accepted where label[e.a] == label[e.b] {
      bestEdge[e.a, default: []].append(e)
      bestEdge[e.b, default: []].append(e)
    }
    var clusters: [DuplicateCluster] = []
    for members in groups.values {
      guard let smallest = members.min() else { continue }
      let primary =
        members.max { l, r in
          features[l].richness != features[r].richness ? features[l].richness < features[r].richness : l > r
        } ?? smallest
      var list = [ClusterMember(key: features[primary].key, reason: "primary")]
      for m in members.sorted() where m != primary {
        let reason: String
        if let f = forced[m] {
          reason = f
        } else {
          let incident = bestEdge[m] ?? []
          let toPrimary = incident.first { $0.a == primary || $0.b == primary }
          let best = toPrimary ?? incident.first  // edges are in best-first order
          reason = best?.reason ?? "manual merge"
        }
        list.append(ClusterMember(key: features[m].key, reason: reason))
      }
      if members.count == 1, let f = forced[primary], f == "manual split" {
        list = [ClusterMember(key: features[primary].key, reason: f)]
      }
      clusters.append(
        DuplicateCluster(id: "c-" + features[smallest].key, primary: features[primary].key, members: list))
    }
    clusters.sort { $0.id < $1.id }

    // Near misses between different clusters, best pair per cluster pair.
    var seen = Set<UInt64>()
    var maybe: [CandidatePair] = []
    nearMisses.sort { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }
    for e in nearMisses where label[e.a] != label[e.b] {
      guard seen.insert(Blocker.pack(label[e.a], label[e.b])).inserted else { continue }
      maybe.append(CandidatePair(a: features[e.a].key, b: features[e.b].key, score: e.score, reason: e.reason))
    }
    return DedupResult(clusters: clusters, maybe: maybe, candidatePairs: candidates.count)
  }

  private static func conflict(_ x: Set<String>?, _ y: Set<String>?) -> Bool {
    guard let x, let y, !x.isEmpty, !y.isEmpty else { return false }
    return x.isDisjoint(with: y)
  }
}

/// Union–find with path halving; the smaller index is the root, so results do not depend on merge order.
struct DisjointSets {
  private var parent: [Int]
  init(count: Int) { parent = Array(0..<count) }
  mutating func find(_ x: Int) -> Int {
    var x = x
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }
  @discardableResult
  mutating func union(_ a: Int, _ b: Int) -> Int {
    let ra = find(a)
    let rb = find(b)
    let root = min(ra, rb)
    parent[max(ra, rb)] = root
    return root
  }
}
