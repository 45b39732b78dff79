global using DataJoint;
global using NUnit.Framework;
