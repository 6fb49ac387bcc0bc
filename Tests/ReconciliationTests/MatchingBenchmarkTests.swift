import BankStatements
@testable import Reconciliation
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Release-build measurement of context building and matching, off unless asked for:
/// `RECON_MATCH_BENCH=100000 swift test -c release -Xswiftc -enable-testing --filter MatchingBenchmarkTests`.
/// Optional `RECON_MATCH_BENCH_PAYMENTS` (default a tenth of the invoices) and
/// `RECON_MATCH_BENCH_NAMESAKES` (extra customers all called `Jan Jansen`). Thread CPU time is
/// printed next to wall time because the build machine is shared.
@Suite struct MatchingBenchmarkTests {
    static let environment = ProcessInfo.processInfo.environment
    static let invoiceTarget = environment["RECON_MATCH_BENCH"].flatMap { Int($0) }

    @Test(.enabled(if: invoiceTarget != nil, "set RECON_MATCH_BENCH=<invoices> to measure"))
    func contextBuildAndMatching() {
        let invoices = Self.invoiceTarget ?? 10_000
        let payments = Self.environment["RECON_MATCH_BENCH_PAYMENTS"].flatMap { Int($0) } ?? invoices / 10
        let namesakes = Self.environment["RECON_MATCH_BENCH_NAMESAKES"].flatMap { Int($0) } ?? 0
        var generator = ScenarioGenerator(seed: 99)
        generator.makeBooks(customerCount: invoices * 2 / 5, maximumInvoices: 4)
        var variants = NameVariants(seed: 5)
        variants.addNamesakes(namesakes, named: "Jan Jansen", to: &generator)
        let cases = variants.vary(generator.makeCases(count: payments), customers: generator.customers)

        var context: MatchingContext?
        let build = Self.measure {
            context = MatchingContext(invoices: generator.invoices, customers: generator.customers)
        }
        guard let context else { return }
        let matcher = Matcher(context: context)
        var automatic = 0
        let matching = Self.measure {
            for item in cases where matcher.decide(item.payment).automaticAllocations != nil { automatic += 1 }
        }
        let perTenThousand = matching.cpu * 10_000 / Double(max(1, cases.count))
        print("bench: \(generator.invoices.count) invoices, \(generator.customers.count) customers "
              + "(\(namesakes) namesakes): context \(Self.format(build)); "
              + "\(cases.count) payments \(Self.format(matching)), \(Self.seconds(perTenThousand)) cpu per 10k; "
              + "\(automatic) automatic")
        #expect(automatic > 0)
    }

    struct Timing {
        var wall: Double
        var cpu: Double
    }

    static func measure(_ body: () -> Void) -> Timing {
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let cpuStart = threadCPUSeconds()
        body()
        return Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9,
                      cpu: threadCPUSeconds() - cpuStart)
    }

    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func format(_ timing: Timing) -> String {
        "\(seconds(timing.wall)) wall / \(seconds(timing.cpu)) cpu"
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.3f s", value)
    }
}
