window.TK_DATA.add("search/v-li", {"terms":{},"words":{"lil":["lille",[],[],[12]],"link":["link",[],[],[2]],"list":["liste",[],[],[2]]}});
