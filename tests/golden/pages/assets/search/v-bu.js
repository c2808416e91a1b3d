window.TK_DATA.add("search/v-bu", {"terms":{},"words":{"butik":["butik",[],[],[10]]}});
