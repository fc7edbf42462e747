def main():
    print("np2torch")
