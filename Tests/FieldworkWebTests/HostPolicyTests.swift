import FieldworkWeb
import Testing

/// Names a TLS-terminating reverse proxy serves the workbench under: answered exactly as
/// configured, and trusted as an origin over HTTPS only.
@Suite struct HostPolicyTests {
    let policy = HostPolicy(port: BoundPort(8470), proxiedHosts: ["Fieldwork.Example.org", "team.example.org:8443"])

    @Test func proxiedNamesAreAnsweredExactlyAsConfigured() {
        for host in ["fieldwork.example.org", "FIELDWORK.example.org", "team.example.org:8443", "localhost:8470"] {
            #expect(policy.allowsHost(host), "\(host)")
        }
        for host in ["fieldwork.example.org:8470", "fieldwork.example.org:443", "team.example.org", "evil.example",
                     "fieldwork.example.org.evil.example", "fieldwork.example.org@evil.example"] {
            #expect(!policy.allowsHost(host), "\(host)")
        }
    }

    @Test func proxiedOriginsAreTrustedOverHTTPSOnly() {
        #expect(policy.allowsOrigin("https://fieldwork.example.org"))
        #expect(policy.allowsOrigin("https://team.example.org:8443"))
        #expect(policy.allowsOrigin("http://localhost:8470"))
        #expect(!policy.allowsOrigin("http://fieldwork.example.org"))
        #expect(!policy.allowsOrigin("https://evil.example"))
        #expect(!policy.allowsOrigin("https://localhost:8470"))
        #expect(!HostPolicy(port: BoundPort(8470)).allowsOrigin("https://fieldwork.example.org"))
    }

    @Test func onlyPlainHostNamesCanBeProxied() {
        #expect(HostPolicy.problem(withProxiedHost: "fieldwork.example.org") == nil)
        #expect(HostPolicy.problem(withProxiedHost: "fieldwork.example.org:8443") == nil)
        for bad in ["https://fieldwork.example.org", "fieldwork.example.org/path", "localhost", "127.0.0.1:8470", "0.0.0.0", "", "a b"] {
            #expect(HostPolicy.problem(withProxiedHost: bad) != nil, "\(bad)")
        }
    }
}
