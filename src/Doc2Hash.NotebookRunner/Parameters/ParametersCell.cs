using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Doc2Hash.NotebookRunner.Parameters;

/// <summary>
/// Reads the declarations of a notebook's parameters cell (papermill's convention: the code cell tagged
/// <c>parameters</c> holds plain defaults such as <c>string profile = "paper";</c>). The declared type decides how
/// an injected value is written, so <c>-p epochs=3</c> becomes <c>epochs = 3;</c> and <c>-p name=3</c> becomes
/// <c>name = "3";</c>, and the C# compiler still checks the result.
/// </summary>
public static class ParametersCell
{
    public const string Tag = "parameters";

    /// <summary>papermill's tag for the cell it adds after the parameters cell.</summary>
    public const string InjectedTag = "injected-parameters";

    public static IReadOnlyList<ParameterDeclaration> Declarations(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script));
        var declarations = new List<ParameterDeclaration>();
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            // Top-level script declarations only (fields of the submission or top-level locals), not locals of a lambda.
            if (declaration.Parent is not (FieldDeclarationSyntax or LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax })) continue;
            foreach (var variable in declaration.Variables)
                declarations.Add(new ParameterDeclaration(variable.Identifier.Text, TypeOf(declaration.Type, variable)));
        }
        return declarations;
    }

    /// <summary>The declared type, or for <c>var</c> the type of a literal initializer.</summary>
    private static string TypeOf(TypeSyntax type, VariableDeclaratorSyntax variable)
    {
        if (!type.IsVar) return type.ToString();
        return variable.Initializer?.Value switch
        {
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } => "string",
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression } => "bool",
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression, Token.Value: var value } => value switch
            {
                int => "int",
                long => "long",
                float => "float",
                decimal => "decimal",
                _ => "double",
            },
            _ => throw new ParameterException(
                $"The parameters cell declares '{variable.Identifier.Text}' with var and a non-literal initializer; " +
                "write its type (for example string[] or int) so injected values can be formatted."),
        };
    }
}
