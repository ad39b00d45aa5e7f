/// <summary>The repair templates in the order they are tried: small, common fixes first, wide searches last.</summary>
internal static class RepairTemplates
{
    /// <summary>Each template's name (for logs and the report) and what it makes of a line.</summary>
    public static readonly IReadOnlyList<(string Name, Func<LineContext, IEnumerable<string>> Apply)> All =
    [
        ("swap-operator", OperatorTemplates.SwapOperator),
        ("shift-literal", ExpressionTemplates.ShiftLiteral),
        ("shift-boundary", OperatorTemplates.ShiftBoundary),
        ("swap-keyword", OperatorTemplates.SwapKeyword),
        ("negate-condition", OperatorTemplates.NegateCondition),
        ("swap-arguments", ExpressionTemplates.SwapArguments),
        ("shift-operand", ExpressionTemplates.ShiftOperand),
        ("replace-variable", NameTemplates.ReplaceVariable),
        ("replace-attribute", NameTemplates.ReplaceAttribute),
        ("drop-term", ExpressionTemplates.DropTerm),
        ("change-empty-value", ExpressionTemplates.ChangeEmptyValue),
        ("add-slice", ExpressionTemplates.AddSlice),
        ("add-null-guard", OperatorTemplates.AddNullGuard),
        ("delete-statement", StatementTemplates.DeleteStatement),
        ("combine-with-variable", ExpressionTemplates.CombineWithVariable),
        ("replace-call", ExpressionTemplates.ReplaceCall),
        ("extend-return", ExpressionTemplates.ExtendReturn),
        ("insert-assignment", StatementTemplates.InsertAssignment),
    ];
}
