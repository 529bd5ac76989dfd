/// Exchange with other qualitative-analysis tools: REFI-QDA projects (`.qdpx`) and codebooks
/// (`.qdc`), codebook tables, and code-by-case matrices for R and pandas.
public enum Exchange {
    /// What Fieldwork writes as the `origin` of REFI-QDA files.
    public static let origin = "Fieldwork"

    static let projectNamespace = "urn:QDA-XML:project:1.0"
    static let codebookNamespace = "urn:QDA-XML:codebook:1.0"
}
