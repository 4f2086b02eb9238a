import Row, from: '../components/Row.jsx'
import Item, from: '../models/item.js'

@items = Item.all
@name = "world"
@active = @items.length > 0
__END__
<section class={active ? "on" : "off"}>
  <h1>{"Hello #{name}"}</h1>
  {items.each_with_index.map { |item, i| <Row item={item} index={i} /> }}
  {items.map((item, i) => <Row item={item} index={i} />)}
  {<p>No items yet.</p> if items.length == 0}
</section>
