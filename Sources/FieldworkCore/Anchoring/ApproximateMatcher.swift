/// One approximate occurrence of a pattern: `[start, end)` in scalar offsets and its edit distance
/// (Levenshtein: insertions, deletions and substitutions of Unicode scalars each cost 1).
public struct ApproximateMatch: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var errors: Int

    public init(start: Int, end: Int, errors: Int) {
        self.start = start
        self.end = end
        self.errors = errors
    }

    public var range: Range<Int> { start..<end }
}

/// A text offset where some approximate occurrence of the pattern ends, with the smallest edit
/// distance of any occurrence ending there.
public struct ApproximateEnd: Sendable, Hashable {
    public var end: Int
    public var errors: Int
}

/// Bit-parallel approximate matching over Unicode scalars: Myers' algorithm (1999) in the
/// multi-word block form with Ukkonen's cut-off, following Hyyrö's and edlib's formulation.
///
/// Each column of the edit-distance matrix (pattern down, text across) is kept as vertical
/// +1/-1 delta bit vectors, 64 pattern rows per `UInt64` block, so one text scalar costs
/// O(active blocks) word operations instead of O(pattern length). Only blocks that can still
/// contain a cell <= k are computed (the "band"), which keeps long patterns with a moderate k
/// affordable on 200 KB texts. The matcher is compiled once per pattern and can be reused.
public struct ApproximateMatcher: Sendable {
    public let pattern: [Unicode.Scalar]
    private let blockCount: Int
    /// Bit of the pattern's last row inside the last block (patterns need not fill it).
    private let lastRowBit: UInt64
    /// Equality masks: row 0 is all zeros (a scalar absent from the pattern); row r holds
    /// `blockCount` words whose bit i is set where `pattern[i]` is that row's scalar.
    private let peq: [UInt64]
    private let rowOfScalar: [Unicode.Scalar: Int]
    /// Direct lookup for U+0000...U+00FF (ASCII plus å ä ö é): avoids hashing in the hot loop.
    private let latin1Row: [Int]

    public init(pattern: [Unicode.Scalar]) {
        self.pattern = pattern
        let blocks = max(1, (pattern.count + 63) / 64)
        blockCount = blocks
        lastRowBit = 1 << UInt64((max(pattern.count, 1) - 1) % 64)
        var rows: [Unicode.Scalar: Int] = [:]
        var masks = [UInt64](repeating: 0, count: blocks)
        for (index, scalar) in pattern.enumerated() {
            let row: Int
            if let known = rows[scalar] {
                row = known
            } else {
                row = rows.count + 1
                rows[scalar] = row
                masks.append(contentsOf: repeatElement(0, count: blocks))
            }
            masks[row * blocks + index / 64] |= 1 << UInt64(index % 64)
        }
        var latin1 = [Int](repeating: 0, count: 256)
        for (scalar, row) in rows where scalar.value < 256 {
            latin1[Int(scalar.value)] = row
        }
        peq = masks
        rowOfScalar = rows
        latin1Row = latin1
    }

    /// The best non-overlapping approximate occurrences of `pattern` in `text` with at most
    /// `maxErrors` edits, sorted by start. See `matches(in:maxErrors:)`.
    public static func matches(
        pattern: [Unicode.Scalar], in text: [Unicode.Scalar], maxErrors: Int
    ) -> [ApproximateMatch] {
        ApproximateMatcher(pattern: pattern).matches(in: text, maxErrors: maxErrors)
    }

    /// The best non-overlapping approximate occurrences, sorted by start.
    ///
    /// Every end offset whose edit distance is a local minimum (<= its neighbours) becomes a
    /// candidate; its start is recovered by running the reversed pattern backwards from the end
    /// (anchored there), taking the occurrence with the same distance whose length is closest to
    /// the pattern's. Candidates are then taken greedily by (errors, |length - pattern length|,
    /// start), skipping any that overlaps one already taken. `maxErrors` is capped at
    /// `pattern.count - 1`: with as many errors as scalars everything "matches".
    public func matches(in text: [Unicode.Scalar], maxErrors: Int) -> [ApproximateMatch] {
        let k = min(maxErrors, pattern.count - 1)
        guard k >= 0 else { return [] }
        let ends = matchEnds(in: text, maxErrors: k)
        guard !ends.isEmpty else { return [] }
        let reversed = ApproximateMatcher(pattern: pattern.reversed())
        var candidates: [ApproximateMatch] = []
        for (index, hit) in ends.enumerated() {
            let before = index > 0 && ends[index - 1].end == hit.end - 1 ? ends[index - 1].errors : Int.max
            let after = index + 1 < ends.count && ends[index + 1].end == hit.end + 1 ? ends[index + 1].errors : Int.max
            guard hit.errors <= before, hit.errors <= after else { continue }
            let length = reversed.bestLength(endingAt: hit.end, in: text, errors: hit.errors)
            candidates.append(ApproximateMatch(start: hit.end - length, end: hit.end, errors: hit.errors))
        }
        return Self.nonOverlapping(candidates, patternLength: pattern.count)
    }

    /// Every end offset (exclusive) where an occurrence with at most `maxErrors` edits ends, with
    /// the minimal edit distance there, in increasing order. The start of the occurrence is free.
    public func matchEnds(in text: [Unicode.Scalar], maxErrors: Int) -> [ApproximateEnd] {
        guard !pattern.isEmpty, maxErrors >= 0 else { return [] }
        var ends: [ApproximateEnd] = []
        scan(text, from: 0, step: 1, count: text.count, freeStart: true, maxErrors: min(maxErrors, pattern.count)) {
            column, score in ends.append(ApproximateEnd(end: column + 1, errors: score))
        }
        return ends
    }

    /// Edit distance from the whole pattern to the best prefix of the `limit` text scalars read
    /// from `first` in direction `step`: the pattern anchored at `first`, its far end free.
    func anchoredDistance(in text: [Unicode.Scalar], from first: Int, step: Int, limit: Int) -> Int {
        var best = pattern.count  // against no text at all
        guard limit > 0, !pattern.isEmpty else { return best }
        scan(text, from: first, step: step, count: limit, freeStart: false, maxErrors: pattern.count) { _, score in
            best = min(best, score)
        }
        return best
    }

    /// For a pattern compiled reversed: the length of the occurrence ending at `end` whose edit
    /// distance equals `errors` (the known minimum there), preferring the length closest to the
    /// pattern's and then the shorter one.
    private func bestLength(endingAt end: Int, in text: [Unicode.Scalar], errors: Int) -> Int {
        var best = 0
        // Occurrences longer than pattern + errors cannot have only `errors` edits.
        let columns = min(end, pattern.count + errors)
        scan(text, from: end - 1, step: -1, count: columns, freeStart: false, maxErrors: errors) { column, _ in
            let length = column + 1
            if best == 0 || abs(length - pattern.count) < abs(best - pattern.count) { best = length }
        }
        return max(best, 1)
    }

    private static func nonOverlapping(_ candidates: [ApproximateMatch], patternLength: Int) -> [ApproximateMatch] {
        let ranked = candidates.sorted {
            ($0.errors, abs($0.end - $0.start - patternLength), $0.start)
                < ($1.errors, abs($1.end - $1.start - patternLength), $1.start)
        }
        var taken: [ApproximateMatch] = []  // sorted by start, pairwise disjoint
        for candidate in ranked {
            var low = 0, high = taken.count  // first taken with start >= candidate.start
            while low < high {
                let mid = (low + high) / 2
                if taken[mid].start < candidate.start { low = mid + 1 } else { high = mid }
            }
            if low > 0, taken[low - 1].end > candidate.start { continue }
            if low < taken.count, taken[low].start < candidate.end { continue }
            taken.insert(candidate, at: low)
        }
        return taken
    }

    /// Runs the column recurrence over `count` text scalars starting at `first`, moving by `step`,
    /// and reports `(column, distance)` whenever the distance at the pattern's last row is
    /// <= `maxErrors` (larger values are not exact outside the band and are never reported).
    /// `freeStart` makes the top row 0 (an occurrence may start anywhere); otherwise the top row
    /// grows by 1 per column, anchoring the occurrence at `first`.
    private func scan(
        _ text: [Unicode.Scalar], from first: Int, step: Int, count: Int,
        freeStart: Bool, maxErrors k: Int, report: (Int, Int) -> Void
    ) {
        let blocks = blockCount, finalBlock = blockCount - 1, lastRowBit = lastRowBit
        var vertical = [UInt64](repeating: 0, count: 2 * blocks)  // per block: Pv (+1 deltas), Mv (-1)
        var score = [Int](repeating: 0, count: blocks)            // distance at each block's last row
        // Cells of row r start at r, so only blocks reaching row k + 1 can hold a cell <= k.
        var last = min((k + 64) / 64, blocks) - 1
        for block in 0...last {
            vertical[2 * block] = ~0
            score[block] = rows(through: block)
        }
        let topDelta = freeStart ? 0 : 1
        // Unsafe buffers: this loop runs (text length × active blocks) times per search.
        peq.withUnsafeBufferPointer { peq in
        latin1Row.withUnsafeBufferPointer { latin1 in
        vertical.withUnsafeMutableBufferPointer { vertical in
        score.withUnsafeMutableBufferPointer { score in
            for column in 0..<count {
                let scalar = text[first + column * step]
                let base = (scalar.value < 256 ? latin1[Int(scalar.value)] : rowOfScalar[scalar] ?? 0) * blocks
                var carry = topDelta
                for block in 0...last {
                    carry = Self.advance(&vertical[2 * block], &vertical[2 * block + 1], peq[base + block], carry,
                                         block == finalBlock ? lastRowBit : 1 << 63)
                    score[block] += carry
                }
                // Ukkonen: the band grows by at most one block per column, and only if the first row
                // of the next block can reach <= k (a diagonal match or a decreasing boundary).
                if last < finalBlock, score[last] - carry <= k, peq[base + last + 1] & 1 != 0 || carry < 0 {
                    let previous = score[last] - carry
                    last += 1
                    vertical[2 * last] = ~0
                    vertical[2 * last + 1] = 0
                    let out = Self.advance(&vertical[2 * last], &vertical[2 * last + 1], peq[base + last], carry,
                                           last == finalBlock ? lastRowBit : 1 << 63)
                    score[last] = previous + (rows(through: last) - rows(through: last - 1)) + out
                } else {
                    // A block whose last row is >= k + 64 has every cell > k. Block 0 always stays.
                    while last > 0, score[last] >= k + 64 { last -= 1 }
                }
                if last == finalBlock, score[last] <= k { report(column, score[last]) }
            }
        }}}}
    }

    /// Pattern rows covered by blocks 0...block.
    @inline(__always)
    private func rows(through block: Int) -> Int {
        block == blockCount - 1 ? pattern.count : (block + 1) * 64
    }

    /// One block of Myers' step (Hyyrö's formulation): consumes the equality mask of the current
    /// text scalar and the horizontal delta `carryIn` entering the block's top row; updates the
    /// vertical deltas and returns the horizontal delta leaving the row marked by `outBit`.
    @inline(__always)
    private static func advance(
        _ pv: inout UInt64, _ mv: inout UInt64, _ equal: UInt64, _ carryIn: Int, _ outBit: UInt64
    ) -> Int {
        let incoming: UInt64 = carryIn < 0 ? 1 : 0
        let xv = equal | mv
        let eq = equal | incoming
        let xh = (((eq & pv) &+ pv) ^ pv) | eq
        var ph = mv | ~(xh | pv)
        var mh = pv & xh
        let carryOut = ph & outBit != 0 ? 1 : (mh & outBit != 0 ? -1 : 0)
        ph = (ph << 1) | (carryIn > 0 ? 1 : 0)
        mh = (mh << 1) | incoming
        pv = mh | ~(xv | ph)
        mv = ph & xv
        return carryOut
    }
}
