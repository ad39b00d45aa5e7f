namespace Evolver.Core;

/// <summary>Whether a child joins the pool parents are picked from, and why, for the archive and the log.</summary>
/// <param name="Admitted">True when the child is admitted.</param>
/// <param name="Reason">Why, in one line.</param>
public sealed record AdmissionDecision(bool Admitted, string Reason);
