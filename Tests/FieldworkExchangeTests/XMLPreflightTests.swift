@testable import FieldworkExchange
import Foundation
import Testing

/// Foundation's XMLParser on Linux crashes the process on a processing instruction without data.
/// Each case below crashed the test run before `XMLPreflight` existed.
struct XMLPreflightTests {
    static func project(before: String = "", inside: String = "", text: String = "Jag bor ensam.") -> Data {
        Data("""
            <?xml version="1.0" encoding="utf-8"?>\(before)
            <Project xmlns="urn:QDA-XML:project:1.0" name="p">\(inside)<Sources>
            <TextSource guid="9a1f2c3e-0000-4000-8000-000000000003" name="a"><PlainTextContent>\(text)</PlainTextContent></TextSource>
            </Sources></Project>
            """.utf8)
    }

    @Test(arguments: [("<?pi?>", ""), ("", "<?pi?>"), ("<?x?><?y?>", "<?z?>"), ("", "<??>")])
    func instructionsWithoutDataAreReadNotACrash(before: String, inside: String) throws {
        do {
            let read = try REFIReader.project(Self.project(before: before, inside: inside), file: "p.qde")
            #expect(read.sources?.textSources?.first?.plainTextContent == "Jag bor ensam.")
        } catch let error as ExchangeError {
            // `<??>` has no target: malformed, and said so with the file.
            #expect(inside == "<??>", "\(error)")
            #expect(error.description.hasPrefix("p.qde"))
        }
    }

    @Test func cdataTextIsNotPadded() throws {
        let text = "<![CDATA[Hon skrev <?ok?> i chatten.]]>"
        let read = try REFIReader.project(Self.project(inside: "<?pi?>", text: text), file: "p.qde")
        #expect(read.sources?.textSources?.first?.plainTextContent == "Hon skrev <?ok?> i chatten.")
    }

    @Test(arguments: ["<!DOCTYPE Project [<?pi?>]>", "<!DOCTYPE Project [<!ENTITY e \"&#60;?pi?>\">]>"])
    func aDoctypeIsRefusedWithItsLine(doctype: String) {
        #expect {
            try REFIReader.project(Self.project(before: "\n" + doctype, inside: "&e;"), file: "p.qde")
        } throws: { error in
            "\(error)".hasPrefix("p.qde:2:1: ") && "\(error)".contains("DOCTYPE")
        }
    }

    @Test func bytesWithoutInstructionsAreReturnedAsTheyAre() throws {
        let data = Self.project(text: "Åsa <!-- <?x?> -->")
        #expect(try XMLPreflight.prepare(data) == data)
    }
}
