window.TK_DATA.add("search/v-ma", {"terms":{"maria":[10]},"words":{"maria":["maria",[10],[],[]]}});
