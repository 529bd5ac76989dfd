@testable import FieldworkServices
import Testing

@Suite struct CSVWriterTests {
    /// OWASP CSV injection: a cell a spreadsheet would run as a formula gets a leading `'`.
    @Test func cellsThatStartAFormulaAreNeutralisedAndQuoted() {
        let cases: [(String, String)] = [
            ("=HYPERLINK(\"http://evil.example\",\"klicka\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klicka\"\")\""),
            ("+46 70 123", "\"'+46 70 123\""),
            ("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""),
            ("@SUM(A1:A2)", "\"'@SUM(A1:A2)\""),
            ("\t=1+1", "\"'\t=1+1\""),
            ("\r=1+1", "\"'\r=1+1\""),
            ("- en punkt", "\"'- en punkt\""),
        ]
        for (field, escaped) in cases {
            #expect(CSVWriter.escape(field) == escaped, "\(field)")
        }
    }

    @Test func numbersAndOrdinaryTextAreLeftAlone() {
        for field in ["-12.5", "+3", "0", "42", "nattlig oro", "a=b", "", "e-post"] {
            #expect(CSVWriter.escape(field) == field)
        }
        #expect(CSVWriter.escape("-") == "\"'-\"")
        #expect(CSVWriter.escape("-1.") == "\"'-1.\"")
        var writer = CSVWriter(header: ["memo", "n"])
        writer.append(["=1+1", "-1"])
        #expect(writer.text == "memo,n\r\n\"'=1+1\",-1\r\n")
    }
}
