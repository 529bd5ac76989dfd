import FieldworkCore
@testable import FieldworkServices
import Testing

/// The map's focus names a need and an administration: a name that is none gets the nearest
/// ones, and an administration may be named as its actor's `administration:` says (found by a
/// new user: `--administration care` was refused with no suggestion, `--need nee` as "not a need").
@Suite struct ActorMapFocusTests {
    static let codebook = Codebook(codes: [
        Code(id: "need", name: "Needs", kind: .need), Code(id: "need.safety", name: "Safety", kind: .need, parentID: "need"),
        Code(id: "barrier", name: "Barriers", kind: .barrier),
    ])
    static let catalogue = ActorCatalogue(actors: [
        Actor(id: "care-administration", name: "Care", kind: .administration, administration: .care),
        Actor(id: "social-services", name: "Social", kind: .administration, administration: .social),
        Actor(id: "family", name: "Relatives", kind: .residentGroup),
    ])

    @Test func aNeedThatIsNotThereGetsTheNearestNeeds() throws {
        #expect(throws: Never.self) { try ActorMapService.requireNeed("need.safety", in: Self.codebook) }
        #expect(throws: UnknownName(kind: "need", name: "need.nope", place: "in the codebook", known: ["need", "need.safety"])) {
            try ActorMapService.requireNeed("need.nope", in: Self.codebook)
        }
        let error = #expect(throws: UnknownName.self) { try ActorMapService.requireNeed("nee", in: Self.codebook) }
        #expect(error?.description == "no need 'nee' in the codebook; did you mean need, need.safety?")
        let barrier = #expect(throws: ActorMapError.self) { try ActorMapService.requireNeed("barrier", in: Self.codebook) }
        #expect(barrier?.description == "'barrier' is a barrier code, not a need")
    }

    @Test func anAdministrationIsNamedByItsIdOrByTheAdministrationItStandsFor() throws {
        #expect(try ActorMapService.administration("care-administration", in: Self.catalogue) == "care-administration")
        #expect(try ActorMapService.administration("care", in: Self.catalogue) == "care-administration")
        let family = #expect(throws: ActorMapError.self) { try ActorMapService.administration("family", in: Self.catalogue) }
        #expect(family?.description == "'family' is not an actor of type administration in corpus/actors.yaml")
        let typo = #expect(throws: UnknownName.self) { try ActorMapService.administration("social-service", in: Self.catalogue) }
        #expect(typo?.description == "no administration 'social-service' in corpus/actors.yaml; did you mean social-services, care-administration?")
    }
}
