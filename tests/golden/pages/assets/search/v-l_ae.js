window.TK_DATA.add("search/v-l_ae", {"terms":{},"words":{"læng":["længe",[],[],[10]]}});
