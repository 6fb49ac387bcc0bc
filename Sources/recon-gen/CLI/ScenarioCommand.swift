/// `recon-gen scenario`: a company, its invoices, statements and the ground truth.
enum ScenarioCommand {
    static func run(_ arguments: inout GeneratorArguments) throws(GeneratorError) {
        throw GeneratorError("not yet")
    }
}
