import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/api/register`: the policy-lab register as JSON — what `/register` shows and
/// `fieldwork register --json` prints. `?for_publication=1` gives the residents behind each
/// traced code as counts, below the workspace's minimum as "< k", as the CLI's flag does.
struct RegisterAPI {
    let context: FieldworkContext

    func register(on group: RouterGroup<WebContext>) {
        group.get("register", use: list)
    }

    @Sendable func list(_ request: Request, context web: WebContext) async throws -> RegisterJSON {
        let publication = request.uri.form.flag("for_publication")
        let cells = publication ? try WorkspaceSettings.load(context.workspace).smallCells : nil
        return RegisterJSON(try await context.policyLabRegister.register(), catalogue: try SolutionCatalogue.load(context.workspace),
                            smallCells: cells)
    }
}
