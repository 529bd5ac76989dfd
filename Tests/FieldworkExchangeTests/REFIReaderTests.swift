@testable import FieldworkExchange
import Foundation
import Testing

struct REFIReaderTests {
    @Test func prefixedNamesCommentsAndInlineTextKeepEveryScalar() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- exported <fake> -->
            <qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="p" origin="Tool">
              <qda:Sources>
                <qda:TextSource guid="{AB}" name="inline">
                  <qda:Description/>
                  <qda:PlainTextContent>  Två rader&#13;
              med 👩‍👩‍👧 &amp; e\u{301} </qda:PlainTextContent>
                  <qda:PlainTextSelection guid="s" startPosition="2" endPosition="5"/>
                  <qda:PlainTextSelection guid="t" startPosition="6" endPosition="11"/>
                </qda:TextSource>
              </qda:Sources>
            </qda:Project>
            """
        #expect(REFIReader.rootName(Data(xml.utf8)) == "Project")
        let project = try REFIReader.project(Data(xml.utf8), file: "project.qde")
        #expect(project.origin == "Tool")
        let source = try #require(project.sources?.textSources?.first)
        #expect(source.plainTextContent?.unicodeScalars.elementsEqual("  Två rader\r\n  med 👩‍👩‍👧 & e\u{301} ".unicodeScalars) == true)
        #expect(source.selections?.map(\.guid) == ["s", "t"])
    }

    @Test func malformedXMLIsReportedWithFileLineColumnAndTheProblem() {
        let cases: [(String, String)] = [
            ("<Project name=\"x\">\n  <Sources></Project>", "broken.qde:2:22: "),
            ("<Project name=\"x\">\n  <Sources></Project>", "an end tag does not match its start tag"),
            ("<Project name=\"x\" a=\"1\" a=\"2\"/>", "an attribute appears twice"),
            ("<Project name=\"x & y\"/>", "broken.qde:1:19: a name is expected here (a literal '&' must be written &amp;"),
            ("<Project name=x/>", "broken.qde:1:"),
            ("<Project name=\"x\">", "broken.qde:1:19: the document ends before its root element is closed"),
        ]
        for (xml, message) in cases {
            #expect {
                try REFIReader.project(Data(xml.utf8), file: "broken.qde")
            } throws: { error in
                let text = "\(error)"
                return text.contains(message) && !text.contains("(null)") && !text.contains("NSXMLParserErrorDomain")
            }
        }
    }

    /// Foundation's XMLParser crashed the process on these (71 of 2,000 mutations of a real
    /// project.qde, an invalid byte in an attribute name among them). Every position of every
    /// bad sequence must give an error naming line and column, never a crash.
    @Test func bytesThatAreNotUTF8AreRefusedBeforeParsingAtEveryPosition() throws {
        let xml = Data("""
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Studie" origin="Tool">
              <Users><User guid="{A5DE7584-8296-418B-A322-136F77ADF87B}" name="Chen"/></Users>
              <Sources><TextSource guid="{AB}" name="Två"><PlainTextContent>hej</PlainTextContent></TextSource></Sources>
            </Project>
            """.utf8)
        let sequences: [[UInt8]] = [[0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]
        for bad in sequences {
            for position in 0...xml.count {
                var mutated = xml
                mutated.insert(contentsOf: bad, at: position)
                if String(data: mutated, encoding: .utf8) != nil { continue }
                #expect {
                    try REFIReader.project(mutated, file: "p.qde")
                } throws: { error in
                    guard case ExchangeError.malformedXML(let file, let line, let column, let problem) = error else { return false }
                    return file == "p.qde" && line >= 1 && column >= 1 && (problem.contains("not UTF-8") || problem.contains("ends inside"))
                }
            }
        }
        // The position is the offending byte's: line 2, after `<Project x`.
        var named = xml
        named.insert(0xFF, at: try #require(xml.firstRange(of: Data("mlns=".utf8))).lowerBound)
        #expect(throws: ExchangeError.malformedXML(file: "p.qde", line: 2, column: 11, problem: "byte 0xFF is not UTF-8 (REFI-QDA files must be UTF-8)")) {
            try REFIReader.project(named, file: "p.qde")
        }
    }
}
