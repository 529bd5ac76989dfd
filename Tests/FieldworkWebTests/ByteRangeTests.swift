@testable import FieldworkWeb
import Testing

/// `Range: bytes=…` as RFC 9110 reads it, for a file of 1,000 bytes unless said otherwise.
struct ByteRangeTests {
    @Test func rangesAreReadAsTheRFCSays() {
        #expect(ByteRange.parse(nil, length: 1000) == .whole)
        #expect(ByteRange.parse("bytes=0-", length: 1000) == .part(0...999))
        #expect(ByteRange.parse("bytes=100-199", length: 1000) == .part(100...199))
        #expect(ByteRange.parse("bytes=900-5000", length: 1000) == .part(900...999))
        #expect(ByteRange.parse("bytes=-10", length: 1000) == .part(990...999))
        #expect(ByteRange.parse("bytes=-5000", length: 1000) == .part(0...999))
        #expect(ByteRange.parse(" Bytes=5-5 ", length: 1000) == .part(5...5))
    }

    @Test func unsatisfiableRangesAre416() {
        #expect(ByteRange.parse("bytes=1000-", length: 1000) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=99999999999999999999999-", length: 1000) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=-0", length: 1000) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=0-", length: 0) == .unsatisfiable)
    }

    /// Headers the server may ignore get the whole file.
    @Test func otherUnitsSeveralRangesAndBadSyntaxGetTheWholeFile() {
        for header in ["items=0-5", "bytes=0-1,4-5", "bytes=5-1", "bytes=a-b", "bytes=", "bytes=-", "bytes=1"] {
            #expect(ByteRange.parse(header, length: 1000) == .whole, "\(header)")
        }
    }
}
