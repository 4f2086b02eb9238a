# PRAGMA: Revalidate 15M Tags: shop
import Product, from: '../../../models/product.js'

@product = Product.find(@@id, category: @@category)
@price = @product.price unless @product.nil?
__END__
<h1><%= product.name %></h1>
