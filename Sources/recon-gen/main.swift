#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(GeneratorMain.run(Array(CommandLine.arguments.dropFirst())))
