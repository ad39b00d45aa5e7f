namespace Evolver.Mutation;

/// <summary>The structural operators of the <c>gp</c> mutator.</summary>
public enum GpOperator
{
    /// <summary>A numeric literal moved (±1, doubled, halved, zeroed) or a boolean literal flipped.</summary>
    Literal,

    /// <summary>A condition negated, a comparison operator swapped for a related one, or <c>&amp;&amp;</c> and <c>||</c> exchanged.</summary>
    Condition,

    /// <summary>A statement deleted.</summary>
    DeleteStatement,

    /// <summary>A statement duplicated in place.</summary>
    DuplicateStatement,

    /// <summary>Two neighbouring statements swapped.</summary>
    SwapStatements,

    /// <summary>A call to (or method group of) one of the agent's own methods pointed at another of its methods with the same signature.</summary>
    SwapCall,

    /// <summary>With two parents: a member of the second parent replaces the member of the first with the same signature.</summary>
    Crossover,

    /// <summary>
    /// <see cref="Literal"/> restricted to the agent's tunable constants (<c>const</c> declarations, <c>static readonly</c>
    /// field initializers): not in the default operator set, named in a request's <c>operators</c> option to weight a run
    /// towards an agent's knobs.
    /// </summary>
    Constant,
}
