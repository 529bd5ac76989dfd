/// What an import reads of a REFI-QDA project or codebook, decoded with XMLCoder (attributes and
/// child elements alike come through the coding keys). Only what Fieldwork can use is kept;
/// every field is optional, because tools differ in what they fill in, and what is missing is
/// reported per item rather than failing the whole file.
enum REFI {
    struct Project: Decodable {
        var name: String?
        var origin: String?
        var users: Users?
        var codeBook: CodeBook?
        var sources: Sources?
        var notes: Notes?
        var sets: Sets?
        var graphs: Ignored?
        var links: Ignored?
        var cases: Cases?
        var noteRefs: [Ref]?

        enum CodingKeys: String, CodingKey {
            case name, origin
            case users = "Users", codeBook = "CodeBook", sources = "Sources", notes = "Notes", sets = "Sets"
            case graphs = "Graphs", links = "Links", cases = "Cases", noteRefs = "NoteRef"
        }
    }

    struct Cases: Decodable {
        var cases: [Case]?
        enum CodingKeys: String, CodingKey { case cases = "Case" }
    }

    /// A case (a person, usually): only its name and the sources it refers to are read.
    struct Case: Decodable {
        var name: String?
        var sourceRefs: [Ref]?
        enum CodingKeys: String, CodingKey { case name, sourceRefs = "SourceRef" }
    }

    struct Sets: Decodable {
        var sets: [Group]?
        enum CodingKeys: String, CodingKey { case sets = "Set" }
    }

    /// A set (ATLAS.ti's groups, NVivo's sets): a named collection of codes or sources.
    struct Group: Decodable {
        var name: String?
        var memberCodes: [Ref]?
        var memberSources: [Ref]?
        enum CodingKeys: String, CodingKey { case name, memberCodes = "MemberCode", memberSources = "MemberSource" }
    }

    struct Users: Decodable {
        var users: [User]?
        enum CodingKeys: String, CodingKey { case users = "User" }
    }

    struct User: Decodable {
        var guid: String?
        var name: String?
        var id: String?
    }

    /// The root of a `.qdc` file, and the `<CodeBook>` of a project.
    struct CodeBook: Decodable {
        var origin: String?
        var codes: Codes?
        enum CodingKeys: String, CodingKey { case origin, codes = "Codes" }
    }

    struct Codes: Decodable {
        var codes: [Code]?
        enum CodingKeys: String, CodingKey { case codes = "Code" }
    }

    struct Code: Decodable {
        var guid: String?
        var name: String?
        var isCodable: String?
        var color: String?
        var description: String?
        var noteRefs: [Ref]?
        var children: [Code]?

        enum CodingKeys: String, CodingKey {
            case guid, name, isCodable, color
            case description = "Description", noteRefs = "NoteRef", children = "Code"
        }
    }

    struct Sources: Decodable {
        var textSources: [TextSource]?
        var pdfSources: [Ignored]?
        var pictureSources: [Ignored]?
        var audioSources: [Ignored]?
        var videoSources: [Ignored]?

        enum CodingKeys: String, CodingKey {
            case textSources = "TextSource", pdfSources = "PDFSource", pictureSources = "PictureSource"
            case audioSources = "AudioSource", videoSources = "VideoSource"
        }
    }

    /// A text source, and a note (notes have the same type in the schema).
    struct TextSource: Decodable {
        var guid: String?
        var name: String?
        var plainTextPath: String?
        var creatingUser: String?
        var creationDateTime: String?
        var modifyingUser: String?
        var description: String?
        var plainTextContent: String?
        var selections: [Selection]?
        /// Codings of the whole source, not of a span.
        var codings: [Coding]?
        var noteRefs: [Ref]?

        enum CodingKeys: String, CodingKey {
            case guid, name, plainTextPath, creatingUser, creationDateTime, modifyingUser
            case description = "Description", plainTextContent = "PlainTextContent"
            case selections = "PlainTextSelection", codings = "Coding", noteRefs = "NoteRef"
        }
    }

    struct Selection: Decodable {
        var guid: String?
        /// Most exporters write the selected text here; NVivo leaves it empty.
        var name: String?
        var startPosition: String?
        var endPosition: String?
        var creatingUser: String?
        var creationDateTime: String?
        var modifyingUser: String?
        var description: String?
        var codings: [Coding]?
        var noteRefs: [Ref]?

        enum CodingKeys: String, CodingKey {
            case guid, name, startPosition, endPosition, creatingUser, creationDateTime, modifyingUser
            case description = "Description", codings = "Coding", noteRefs = "NoteRef"
        }
    }

    struct Coding: Decodable {
        var guid: String?
        var creatingUser: String?
        var creationDateTime: String?
        var codeRef: Ref?
        var noteRefs: [Ref]?

        enum CodingKeys: String, CodingKey {
            case guid, creatingUser, creationDateTime, codeRef = "CodeRef", noteRefs = "NoteRef"
        }
    }

    struct Notes: Decodable {
        var notes: [TextSource]?
        enum CodingKeys: String, CodingKey { case notes = "Note" }
    }

    struct Ref: Decodable {
        var targetGUID: String?
    }

    /// An element that is only counted (media sources, sets, graphs, links, cases).
    struct Ignored: Decodable {
        init(from decoder: any Decoder) throws {}
    }
}
