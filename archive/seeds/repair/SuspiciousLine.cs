/// <summary>A code line and how likely it is to hold the fault.</summary>
/// <param name="File">The file, relative to the repository.</param>
/// <param name="Line">The 0-based line index.</param>
/// <param name="Score">Higher is more suspicious; lines no failing test reached score near zero.</param>
internal sealed record SuspiciousLine(string File, int Line, double Score);
