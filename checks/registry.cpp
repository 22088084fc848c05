// Placeholder so the layer library has a translation unit until the first check lands.
namespace gp::checks {}
