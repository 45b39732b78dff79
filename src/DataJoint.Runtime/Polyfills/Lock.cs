#if !NET9_0_OR_GREATER
// .NET 8 has no System.Threading.Lock; a plain object gives the same `lock` semantics (Monitor) there.
global using Lock = object;
#endif
