using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Doc2Hash.NotebookRunner.Execution;

/// <summary>
/// The kernel notebooks run in: a composite kernel whose default child is C# with the kernel helpers
/// (<c>display</c>, <c>HTML</c>), <c>#r "nuget: ..."</c> and NuGet packages' kernel extensions, the same pieces the
/// dotnet-interactive Jupyter kernel is built from.
/// </summary>
public static class NotebookKernel
{
    public static CompositeKernel Create()
    {
        var extensions = new KernelExtensionLoader();
        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                extensions.Enqueue(packages);
                return Task.CompletedTask;
            }, false);
        var root = new CompositeKernel { csharp };
        root.DefaultKernelName = csharp.Name;
        csharp.AddMiddleware(extensions.Middleware(root), "doc2hash-kernel-extensions");
        return root;
    }
}
