import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// Owns a cmark syntax tree; the only place raw cmark pointers live.
final class CmarkDocument {
    let root: OpaquePointer

    init(_ markdown: String) {
        // Safe mode is cmark's default; CMARK_OPT_UNSAFE is never passed. Source positions are
        // always recorded on nodes; no "smart" punctuation, so quotes stay as typed.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        var source = markdown
        root = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
    }

    deinit {
        cmark_node_free(root)
    }
}

/// A borrowed view of one cmark node, valid while its `CmarkDocument` lives.
struct CmarkNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }

    var children: some Sequence<CmarkNode> {
        sequence(first: firstChild) { $0?.next }.lazy.compactMap { $0 }
    }
}
