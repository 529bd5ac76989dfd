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

    @Test func malformedXMLIsReportedWithTheFileName() {
        #expect(throws: ExchangeError.self) {
            try REFIReader.project(Data("<Project name=\"x\"><Sources></Project>".utf8), file: "broken.qde")
        }
    }
}
