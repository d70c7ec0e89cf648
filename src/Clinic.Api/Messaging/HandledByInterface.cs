using System.Diagnostics.CodeAnalysis;
using Wolverine;

namespace Clinic.Api.Messaging;

/// <summary>
/// Routes a concrete command to the handler declared for the command interface it implements (every patient command
/// to <c>PatientCommandHandler</c>, and so on): Wolverine routes by concrete type unless told.
/// </summary>
public sealed class HandledByInterface(params Type[] commandInterfaces) : IHandledTypeRule
{
    public bool TryFindHandledType(Type concreteType, [NotNullWhen(true)] out Type? handlerType)
    {
        handlerType = commandInterfaces.FirstOrDefault(handled => handled != concreteType && handled.IsAssignableFrom(concreteType));
        return handlerType is not null;
    }
}
