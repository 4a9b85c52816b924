"""What every response tells the browser about where a page may load from and how to reach the site."""
