import BankStatements

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// recon's version, printed by `recon --version`.
let reconVersion = "0.1.0"

func usage() -> String {
    var text = """
        recon — reconcile bank statements with open invoices

        USAGE: recon COMMAND [OPTIONS]

        COMMANDS:

        """
    for command in Commands.all {
        text += "  \(command.name.padding(toLength: 14))\(command.summary)\n"
    }
    text += """

        Run 'recon help COMMAND' for a command's options. 'recon --version' prints the version.
        """
    return text
}

func runMain() -> Int32 {
    var words = Array(CommandLine.arguments.dropFirst())
    guard let first = words.first else {
        Console.error(usage())
        return ExitCode.usage
    }
    words.removeFirst()
    switch first {
    case "--help", "-h":
        Console.line(usage())
        return ExitCode.success
    case "--version":
        Console.line("recon \(reconVersion)")
        return ExitCode.success
    case "help":
        guard let name = words.first else {
            Console.line(usage())
            return ExitCode.success
        }
        guard let command = Commands.named(name) else {
            Console.error("recon: unknown command '\(name)'\n\n" + usage())
            return ExitCode.usage
        }
        Console.line(command.help)
        return ExitCode.success
    default:
        break
    }
    guard let command = Commands.named(first) else {
        Console.error("recon: unknown command '\(first)'\n\n" + usage())
        return ExitCode.usage
    }
    if words.contains("--help") || words.contains("-h") {
        Console.line(command.help)
        return ExitCode.success
    }
    var arguments = Arguments(command: first, words: words)
    do {
        return try command.run(&arguments)
    } catch let error as UsageError {
        Console.error("recon \(first): \(error)")
        return ExitCode.usage
    } catch let error as StatementParseError {
        Console.error(error.description)
        return error.message.hasPrefix("cannot open") ? ExitCode.noInput : ExitCode.dataError
    } catch let error as any ReportableError {
        Console.error("recon \(first): \(error.description)")
        return error.exitCode
    } catch {
        Console.error("recon \(first): \(error)")
        return ExitCode.software
    }
}

let status = runMain()
Console.flush()
exit(status)
