/// An error from a library that knows which exit code it deserves.
protocol ReportableError: Error, CustomStringConvertible {
    var exitCode: Int32 { get }
}
